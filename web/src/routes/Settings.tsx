import { Box, Flex, Heading, Link, Stack } from '@chakra-ui/react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/t';
import { CalendarFeedSection } from './settings/CalendarFeedSection';
import { DataSection } from './settings/DataSection';
import { NotificationsSection } from './settings/NotificationsSection';
import { ProfileSection } from './settings/ProfileSection';
import { SessionsSection } from './settings/SessionsSection';
import { TokensSection } from './settings/TokensSection';
import { VacationsSection } from './settings/VacationsSection';

const SECTIONS: readonly { path: string; label: MessageKey }[] = [
  { path: '/settings', label: 'settings.nav.profile' },
  { path: '/settings/notifications', label: 'settings.nav.notifications' },
  { path: '/settings/tokens', label: 'settings.nav.tokens' },
  { path: '/settings/sessions', label: 'settings.nav.sessions' },
  { path: '/settings/calendar-feed', label: 'settings.nav.calendarFeed' },
  { path: '/settings/vacations', label: 'settings.nav.vacations' },
  { path: '/settings/data', label: 'settings.nav.data' },
];

function SettingsNav() {
  return (
    <Box as="nav" aria-label={t('settings.nav.label')} w={{ base: 'full', md: '13rem' }} flexShrink={0}>
      <Flex as="ul" listStyleType="none" direction={{ base: 'row', md: 'column' }} wrap="wrap" gap="1">
        {SECTIONS.map((s) => (
          <Box as="li" key={s.path}>
            <Link
              asChild
              display="block"
              px="3"
              py="2"
              rounded="md"
              fontWeight="medium"
              color="fg"
              _hover={{ bg: 'bg.muted' }}
              css={{ '&[aria-current=page]': { bg: 'colorPalette.subtle', color: 'colorPalette.fg' } }}
            >
              <NavLink to={s.path} end>
                {t(s.label)}
              </NavLink>
            </Link>
          </Box>
        ))}
      </Flex>
    </Box>
  );
}

/**
 * The settings: profile and password, notifications and channels, API tokens, where the user is signed in, the
 * calendar feed, vacations, and the account's data. Each section has its own address under /settings.
 */
export default function Settings() {
  return (
    <Stack gap="6">
      <Heading as="h1" size="2xl">
        {t('settings.title')}
      </Heading>
      <Flex direction={{ base: 'column', md: 'row' }} gap={{ base: '5', md: '8' }} align="start">
        <SettingsNav />
        <Box flex="1" minW="0" w="full">
          <Routes>
            <Route index element={<ProfileSection />} />
            <Route path="profile" element={<Navigate to="/settings" replace />} />
            <Route path="notifications" element={<NotificationsSection />} />
            {/* the server's messages link here */}
            <Route path="channels" element={<Navigate to="/settings/notifications" replace />} />
            <Route path="tokens" element={<TokensSection />} />
            <Route path="sessions" element={<SessionsSection />} />
            <Route path="calendar-feed" element={<CalendarFeedSection />} />
            <Route path="vacations" element={<VacationsSection />} />
            <Route path="data" element={<DataSection />} />
            <Route path="*" element={<Navigate to="/settings" replace />} />
          </Routes>
        </Box>
      </Flex>
    </Stack>
  );
}
