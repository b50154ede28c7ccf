import { ChakraProvider } from '@chakra-ui/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createQueryClient } from './api/queryClient';
import { Layout } from './components/Layout';
import { PageSpinner } from './components/PageSpinner';
import { RequireAuth } from './components/RequireAuth';
import { t } from './i18n/t';
import { SignIn } from './routes/SignIn';
import { ColorModeProvider } from './theme/colorMode';
import { system } from './theme/system';

// the sign-in page is in the entry chunk; every other screen loads when it is first shown
const SignUp = lazy(() => import('./routes/SignUp'));
const Today = lazy(() => import('./routes/Today'));
const Habits = lazy(() => import('./routes/Habits'));
const HabitDetail = lazy(() => import('./routes/HabitDetail'));
const Calendar = lazy(() => import('./routes/Calendar'));
const People = lazy(() => import('./routes/People'));
const Feed = lazy(() => import('./routes/Feed'));
const Achievements = lazy(() => import('./routes/Achievements'));
const Settings = lazy(() => import('./routes/Settings'));
const NotFound = lazy(() => import('./routes/NotFound'));

/** The providers every screen needs: Chakra, the colour mode and TanStack Query. */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <ChakraProvider value={system}>
      <ColorModeProvider>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </ColorModeProvider>
    </ChakraProvider>
  );
}

/** The screens and their paths; everything but sign-in and sign-up needs a signed-in user. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/sign-in" element={<SignIn />} />
        <Route path="/sign-up" element={<SignUp />} />
        <Route element={<RequireAuth />}>
          <Route element={<Layout />}>
            <Route index element={<Today />} />
            <Route path="/habits" element={<Habits />} />
            <Route path="/habits/:id" element={<HabitDetail />} />
            <Route path="/calendar" element={<Calendar />} />
            <Route path="/people/*" element={<People />} />
            <Route path="/feed" element={<Feed />} />
            <Route path="/achievements" element={<Achievements />} />
            <Route path="/settings/*" element={<Settings />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  useEffect(() => {
    document.title = t('app.name');
  }, []);
  return (
    <Providers client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
