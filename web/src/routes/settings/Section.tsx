import { Heading, Stack, Text } from '@chakra-ui/react';
import { useId, type ReactNode } from 'react';

/** One section of the settings: its h2, a line about it, and its content. */
export function Section({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Stack as="section" aria-labelledby={id} gap="6">
      <Stack gap="1">
        <Heading as="h2" size="xl" id={id}>
          {title}
        </Heading>
        {intro ? <Text color="fg.muted">{intro}</Text> : null}
      </Stack>
      {children}
    </Stack>
  );
}

/** A part of a section, with its h3. */
export function Part({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Stack as="section" aria-labelledby={id} gap="4" borderWidth="1px" rounded="lg" p={{ base: '3', sm: '5' }} bg="bg">
      <Stack gap="1">
        <Heading as="h3" size="md" id={id}>
          {title}
        </Heading>
        {intro ? <Text color="fg.muted" fontSize="sm">{intro}</Text> : null}
      </Stack>
      {children}
    </Stack>
  );
}

/** A polite sentence that something worked (read out by screen readers); empty keeps the live region in place. */
export function Saved({ children }: { children?: ReactNode }) {
  return (
    <Text role="status" aria-live="polite" color="fg.success" fontWeight="medium" minH="1.5em">
      {children}
    </Text>
  );
}
