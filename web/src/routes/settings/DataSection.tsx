import { Box, Button, Flex, Stack, Text } from '@chakra-ui/react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth';
import { formErrors } from '../../api/errors';
import { useDeleteAccount } from '../../api/settings';
import { useExportFile, type ExportFormat } from '../../api/transfer';
import { useToday } from '../../api/today';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/t';
import { ConfirmDialog } from './ConfirmDialog';
import { saveFile } from './download';
import { ImportPart } from './ImportPart';
import { Part, Saved, Section } from './Section';

const FORMATS: readonly { format: ExportFormat; text: MessageKey; button: MessageKey }[] = [
  { format: 'json', text: 'settings.data.exportJsonText', button: 'settings.data.exportJson' },
  { format: 'csv', text: 'settings.data.exportCsvText', button: 'settings.data.exportCsv' },
  { format: 'ics', text: 'settings.data.exportIcsText', button: 'settings.data.exportIcs' },
];

function ExportPart() {
  const exported = useExportFile();
  const today = useToday().data?.date;
  const [saved, setSaved] = useState<string | undefined>();

  function download(format: ExportFormat) {
    setSaved(undefined);
    exported.mutate(
      { format, today },
      {
        onSuccess: ({ blob, filename }) => {
          saveFile(filename, blob);
          setSaved(filename);
        },
      },
    );
  }

  const pending = exported.isPending ? exported.variables?.format : undefined;
  return (
    <Part title={t('settings.data.exportTitle')} intro={t('settings.data.exportIntro')}>
      {exported.isError ? <ErrorAlert>{t('settings.data.exportFailed', { reason: exported.error.message })}</ErrorAlert> : null}
      <Stack as="ul" listStyleType="none" m="0" p="0" gap="3">
        {FORMATS.map((f) => (
          <Flex as="li" key={f.format} gap={{ base: '2', sm: '4' }} align={{ base: 'stretch', sm: 'center' }} direction={{ base: 'column', sm: 'row' }}>
            <Button
              variant={f.format === 'json' ? 'solid' : 'outline'}
              onClick={() => download(f.format)}
              loading={pending === f.format}
              disabled={pending !== undefined && pending !== f.format}
              loadingText={t('settings.data.exporting')}
              minW={{ sm: '15rem' }}
            >
              {t(f.button)}
            </Button>
            <Text textStyle="sm" color="fg.muted">
              {t(f.text)}
            </Text>
          </Flex>
        ))}
      </Stack>
      <Saved>{saved ? t('settings.data.exported', { filename: saved }) : null}</Saved>
    </Part>
  );
}

function DeletePart() {
  const navigate = useNavigate();
  const email = useMe().data?.email ?? '';
  const remove = useDeleteAccount(() => navigate('/sign-in', { replace: true }));
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const errors = formErrors(remove.error, ['password'] as const);

  return (
    <Part title={t('settings.data.deleteTitle')} intro={t('settings.data.deleteIntro')}>
      <Box>
        <Button
          ref={buttonRef}
          colorPalette="red"
          variant="outline"
          onClick={() => {
            remove.reset();
            setPassword('');
            setOpen(true);
          }}
        >
          {t('settings.data.delete')}
        </Button>
      </Box>
      <ConfirmDialog
        open={open}
        title={t('settings.data.deleteDialogTitle')}
        body={
          <Stack gap="2">
            <Text>{t('settings.data.deleteBody', { email })}</Text>
            <Text fontWeight="medium">{t('settings.data.deleteWarning')}</Text>
          </Stack>
        }
        confirmLabel={t('settings.data.deleteConfirm')}
        pendingLabel={t('settings.deleting')}
        pending={remove.isPending}
        error={errors.general}
        ready={password !== ''}
        onClose={() => setOpen(false)}
        finalFocus={() => buttonRef.current}
        onConfirm={() => remove.mutate(password)}
      >
        {/* for password managers: whose password this is */}
        <input type="text" name="username" autoComplete="username" hidden readOnly value={email} />
        <TextField
          name="password"
          type="password"
          label={t('settings.data.password')}
          hint={t('settings.data.passwordHint')}
          value={password}
          onChange={(e) => {
            if (remove.isError) remove.reset();
            setPassword(e.target.value);
          }}
          error={errors.fields.password}
          autoComplete="current-password"
          required
        />
      </ConfirmDialog>
    </Part>
  );
}

/** The account's data: importing history, everything as a download (JSON, CSV, iCalendar), deleting the account. */
export function DataSection() {
  return (
    <Section title={t('settings.nav.data')} intro={t('settings.data.intro')}>
      <ImportPart />
      <ExportPart />
      <DeletePart />
    </Section>
  );
}
