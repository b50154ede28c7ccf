import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppRoutes, Providers } from '../App';
import { createQueryClient } from '../api/queryClient';

/** The app at `path`, with the app's own query client (fresh), except that it does not retry. */
export function renderApp(path: string) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  const result = render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  );
  return { ...result, client };
}
