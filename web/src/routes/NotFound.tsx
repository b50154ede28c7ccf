import { Button, Heading, Stack } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import { t } from '../i18n/t';

export default function NotFound() {
  return (
    <Stack gap="4" align="start">
      <Heading as="h1" size="xl">
        {t('errors.notFound')}
      </Heading>
      <Button asChild>
        <RouterLink to="/">{t('errors.toToday')}</RouterLink>
      </Button>
    </Stack>
  );
}
