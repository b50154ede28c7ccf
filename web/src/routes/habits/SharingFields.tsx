import { Checkbox, Field, Fieldset, NativeSelect, RadioGroup, Stack, Text } from '@chakra-ui/react';
import { useGroupList, usePartnerList } from '../../api/habits';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n/t';
import { VISIBILITIES, type FieldErrors, type HabitFormState, type Visibility } from './form';

interface Props {
  value: HabitFormState;
  onChange: (patch: Partial<HabitFormState>) => void;
  errors: FieldErrors;
}

/** Who sees the habit (only me, my partners, chosen groups), whether they see the notes, and its referee. */
export function SharingFields({ value, onChange, errors }: Props) {
  const partners = usePartnerList();
  const groups = useGroupList(value.visibility === 'groups' || value.groupIds.length > 0);
  const visibilityError = errors.visibility;
  const partnerList = partners.data ?? [];
  const refereeKnown = value.refereeUserId === '' || partnerList.some((p) => p.userId === value.refereeUserId);

  return (
    <Stack gap="4">
      <Fieldset.Root invalid={visibilityError !== undefined}>
        <Fieldset.Legend>{t('habits.visibility')}</Fieldset.Legend>
        <Fieldset.HelperText>{t('habits.visibility.hint')}</Fieldset.HelperText>
        <RadioGroup.Root
          value={value.visibility}
          onValueChange={(e) => e.value && onChange({ visibility: e.value as Visibility })}
          size="sm"
        >
          <Stack gap="2">
            {VISIBILITIES.map((v) => (
              <RadioGroup.Item key={v} value={v}>
                <RadioGroup.ItemHiddenInput />
                <RadioGroup.ItemIndicator />
                <RadioGroup.ItemText>{t(`habits.visibility.${v}`)}</RadioGroup.ItemText>
              </RadioGroup.Item>
            ))}
          </Stack>
        </RadioGroup.Root>
        <Fieldset.ErrorText>{visibilityError}</Fieldset.ErrorText>
      </Fieldset.Root>

      {value.visibility === 'groups' ? (
        <Fieldset.Root invalid={errors.groupIds !== undefined} ps={{ base: '0', sm: '6' }}>
          <Fieldset.Legend>{t('habits.groups')}</Fieldset.Legend>
          {groups.isError ? (
            <ErrorAlert>{t('habits.groups.loadFailed', { reason: groups.error.message })}</ErrorAlert>
          ) : groups.isPending ? (
            <Text color="fg.muted">{t('habits.editLoading')}</Text>
          ) : groups.data.length === 0 ? (
            <Text color="fg.muted">{t('habits.groups.none')}</Text>
          ) : (
            <Stack gap="2">
              {groups.data.map((g) => (
                <Checkbox.Root
                  key={g.id}
                  checked={value.groupIds.includes(g.id ?? '')}
                  onCheckedChange={(e) =>
                    onChange({
                      groupIds:
                        e.checked === true
                          ? [...value.groupIds, g.id ?? '']
                          : value.groupIds.filter((id) => id !== g.id),
                    })
                  }
                >
                  <Checkbox.HiddenInput />
                  <Checkbox.Control />
                  <Checkbox.Label>{g.name}</Checkbox.Label>
                </Checkbox.Root>
              ))}
            </Stack>
          )}
          <Fieldset.ErrorText>{errors.groupIds}</Fieldset.ErrorText>
        </Fieldset.Root>
      ) : null}

      {value.visibility !== 'private' ? (
        <Field.Root invalid={errors.shareNotes !== undefined}>
          <Checkbox.Root
            checked={value.shareNotes}
            onCheckedChange={(e) => onChange({ shareNotes: e.checked === true })}
          >
            <Checkbox.HiddenInput />
            <Checkbox.Control />
            <Checkbox.Label>{t('habits.shareNotes')}</Checkbox.Label>
          </Checkbox.Root>
          <Field.ErrorText>{errors.shareNotes}</Field.ErrorText>
        </Field.Root>
      ) : null}

      <Field.Root invalid={errors.refereeUserId !== undefined}>
        <Field.Label>{t('habits.referee')}</Field.Label>
        <NativeSelect.Root disabled={partners.isPending && value.refereeUserId === ''}>
          <NativeSelect.Field
            name="refereeUserId"
            value={value.refereeUserId}
            onChange={(e) => onChange({ refereeUserId: e.target.value })}
          >
            <option value="">{t('habits.referee.none')}</option>
            {partnerList.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.displayName}
              </option>
            ))}
            {refereeKnown ? null : <option value={value.refereeUserId}>{value.refereeUserId}</option>}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        {errors.refereeUserId ? null : (
          <Field.HelperText>
            {partners.isSuccess && partnerList.length === 0 ? t('habits.referee.noPartners') : t('habits.referee.hint')}
          </Field.HelperText>
        )}
        <Field.ErrorText>{errors.refereeUserId}</Field.ErrorText>
        {partners.isError ? (
          <ErrorAlert>{t('habits.partners.loadFailed', { reason: partners.error.message })}</ErrorAlert>
        ) : null}
      </Field.Root>
    </Stack>
  );
}
