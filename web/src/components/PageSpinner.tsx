import { Center } from '@chakra-ui/react';
import { Busy } from './Busy';
import { t } from '../i18n/t';

export function PageSpinner() {
  return (
    <Center py="16">
      <Busy size="lg" label={t('app.loading')} />
    </Center>
  );
}
