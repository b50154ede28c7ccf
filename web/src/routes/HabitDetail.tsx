import { Heading } from '@chakra-ui/react';
import { t } from '../i18n/t';

/** A placeholder until the screen is built. */
export default function HabitDetail() {
  return (
    <Heading as="h1" size="2xl">
      {t('detail.title')}
    </Heading>
  );
}
