import { Button, Field, HStack, Input, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { t } from '../../i18n/t';

type Outcome = 'copied' | 'failed' | undefined;

/** A read-only text (a secret, a URL) with a button that copies it; says in words whether that worked. */
export function CopyField({ label, value, name, hint }: { label: string; value: string; name: string; hint?: string }) {
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  useEffect(() => setOutcome(undefined), [value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <HStack w="full" gap="2" align="stretch" wrap={{ base: 'wrap', sm: 'nowrap' }}>
        <Input
          name={name}
          value={value}
          readOnly
          fontFamily="mono"
          fontSize="sm"
          onFocus={(e) => e.currentTarget.select()}
          flex="1"
          minW="0"
        />
        <Button variant="outline" onClick={copy} aria-label={t('settings.copyNamed', { what: label })}>
          {outcome === 'copied' ? t('settings.copied') : t('settings.copy')}
        </Button>
      </HStack>
      {hint ? <Field.HelperText>{hint}</Field.HelperText> : null}
      <Text role="status" aria-live="polite" fontSize="sm" color={outcome === 'failed' ? 'fg.error' : 'fg.muted'}>
        {outcome === 'copied' ? t('settings.copiedText') : outcome === 'failed' ? t('settings.copyFailed') : ''}
      </Text>
    </Field.Root>
  );
}
