import { Box, Card, Container, Flex, Heading } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { ColorModeButton } from '../components/ColorModeButton';
import { t } from '../i18n/t';

/** The frame of the signed-out screens: a card in the middle of the page. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container as="main" id="main" maxW="md" py={{ base: '6', sm: '16' }} px="3">
      <Flex justify="space-between" align="center" mb="6">
        <Heading as="p" size="lg" color="colorPalette.fg">
          {t('app.name')}
        </Heading>
        <ColorModeButton />
      </Flex>
      <Card.Root>
        <Card.Body>
          <Heading as="h1" size="xl" mb="4">
            {title}
          </Heading>
          <Box>{children}</Box>
        </Card.Body>
      </Card.Root>
    </Container>
  );
}
