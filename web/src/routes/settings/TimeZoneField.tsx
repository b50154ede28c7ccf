import { Button, Combobox, Field, Portal, Text, useFilter, useListCollection } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import { browserTimeZone } from '../../api/auth';
import { t } from '../../i18n/t';
import { zoneOffset } from './format';

interface Zone {
  id: string;
  label: string;
}

/** The IANA zones the browser knows, with `current` among them even when the browser does not list it. Pure. */
export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  const all = new Set(zones);
  all.add('UTC');
  if (current) all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** A zone's id as people read it: "America/New York". */
function labelOf(id: string): string {
  return id.replace(/_/g, ' ');
}

// the offsets take a formatter each (slow for 400 zones): made when a zone is first shown, once
const offsets = new Map<string, string>();
function offsetOf(id: string): string {
  let offset = offsets.get(id);
  if (offset === undefined) {
    offset = zoneOffset(id);
    offsets.set(id, offset);
  }
  return offset;
}

interface Props {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
}

/** A searchable choice of time zone, with the browser's zone offered in one click when it is another one. */
export function TimeZoneField({ value, onChange, error }: Props) {
  const items = useMemo<Zone[]>(() => timeZones(value).map((id) => ({ id, label: labelOf(id) })), [value]);
  const { contains } = useFilter({ sensitivity: 'base' });
  const { collection, filter } = useListCollection<Zone>({
    initialItems: items,
    filter: contains,
    itemToString: (z) => z.label,
    itemToValue: (z) => z.id,
  });
  // the combobox keeps its own text; a choice made outside it (the suggestion) starts it afresh
  const [generation, setGeneration] = useState(0);
  const browser = browserTimeZone();

  return (
    <Field.Root invalid={error !== undefined} required>
      <Combobox.Root
        key={generation}
        collection={collection}
        defaultValue={[value]}
        defaultInputValue={labelOf(value)}
        onValueChange={(e) => {
          const zone = e.value[0];
          if (zone) onChange(zone);
        }}
        onInputValueChange={(e) => {
          if (e.reason === 'input-change') filter(e.inputValue);
        }}
        onOpenChange={(e) => {
          if (e.open) filter('');
        }}
        openOnClick
        lazyMount
        unmountOnExit
        inputBehavior="autohighlight"
        positioning={{ sameWidth: true }}
        invalid={error !== undefined}
      >
        <Combobox.Label display="flex" gap="0.5">
          {t('settings.profile.timezone')}
          <Field.RequiredIndicator />
        </Combobox.Label>
        <Combobox.Control>
          <Combobox.Input name="timezone" placeholder={t('settings.profile.timezoneSearch')} />
          <Combobox.IndicatorGroup>
            <Combobox.Trigger aria-label={t('settings.profile.timezoneOpen')} />
          </Combobox.IndicatorGroup>
        </Combobox.Control>
        <Portal>
          <Combobox.Positioner>
            <Combobox.Content maxH="18rem" overflowY="auto">
              <Combobox.Empty>{t('settings.profile.timezoneNone')}</Combobox.Empty>
              {collection.items.map((zone) => (
                <Combobox.Item item={zone} key={zone.id}>
                  <Combobox.ItemText>{zone.label}</Combobox.ItemText>
                  <Text as="span" color="fg.muted" fontSize="xs" ms="auto">
                    {offsetOf(zone.id)}
                  </Text>
                  <Combobox.ItemIndicator />
                </Combobox.Item>
              ))}
            </Combobox.Content>
          </Combobox.Positioner>
        </Portal>
      </Combobox.Root>
      {error ? (
        <Field.ErrorText>{error}</Field.ErrorText>
      ) : (
        <Field.HelperText>{t('settings.profile.timezoneHint')}</Field.HelperText>
      )}
      {browser && browser !== value ? (
        <Text fontSize="sm" color="fg.muted">
          {t('settings.profile.timezoneBrowser')}{' '}
          <Button
            variant="plain"
            size="sm"
            px="0"
            h="auto"
            color="colorPalette.fg"
            textDecoration="underline"
            onClick={() => {
              onChange(browser);
              setGeneration((g) => g + 1);
            }}
          >
            {t('settings.profile.timezoneUse', { zone: browser.replace(/_/g, ' ') })}
          </Button>
        </Text>
      ) : null}
    </Field.Root>
  );
}
