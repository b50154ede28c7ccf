import { Center, Spinner } from '@chakra-ui/react';
import { t } from '../i18n/t';

export function PageSpinner() {
  return (
    <Center py="16" role="status" aria-live="polite">
      <Spinner size="lg" aria-label={t('app.loading')} />
    </Center>
  );
}
