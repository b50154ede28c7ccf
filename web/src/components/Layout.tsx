import { Box, Button, Container, Flex, HStack, Heading, Link } from '@chakra-ui/react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSignOut } from '../api/auth';
import { t } from '../i18n/t';
import { ColorModeButton } from './ColorModeButton';

function NavItem({ to, children }: { to: string; children: string }) {
  return (
    <Link asChild fontWeight="medium" px="2" py="1" rounded="md" css={{ '&[aria-current=page]': { bg: 'colorPalette.subtle', color: 'colorPalette.fg' } }}>
      <NavLink to={to} end>
        {children}
      </NavLink>
    </Link>
  );
}

/** The frame of the signed-in screens: the app's name, the navigation, the theme switch and sign-out. */
export function Layout() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <>
      <Link
        href="#main"
        position="absolute"
        left="2"
        top="-12"
        zIndex="skipNav"
        bg="bg"
        px="3"
        py="2"
        _focusVisible={{ top: '2' }}
      >
        {t('app.skipToContent')}
      </Link>
      <Box as="header" borderBottomWidth="1px" bg="bg.subtle">
        <Container maxW="3xl" py="2">
          <Flex align="center" gap="2" wrap="wrap" justify="space-between">
            <Heading as="p" size="md" color="colorPalette.fg">
              {t('app.name')}
            </Heading>
            <HStack as="nav" aria-label={t('nav.label')} gap="1">
              <NavItem to="/">{t('nav.today')}</NavItem>
              <NavItem to="/habits">{t('nav.habits')}</NavItem>
              <NavItem to="/calendar">{t('nav.calendar')}</NavItem>
              <NavItem to="/people">{t('nav.people')}</NavItem>
              <NavItem to="/feed">{t('nav.feed')}</NavItem>
              <NavItem to="/achievements">{t('nav.achievements')}</NavItem>
              <NavItem to="/settings">{t('nav.settings')}</NavItem>
            </HStack>
            <HStack gap="1">
              <ColorModeButton />
              <Button
                variant="outline"
                size="sm"
                loading={signOut.isPending}
                loadingText={t('nav.signingOut')}
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
              >
                {t('nav.signOut')}
              </Button>
            </HStack>
          </Flex>
        </Container>
      </Box>
      <Container as="main" id="main" tabIndex={-1} maxW="3xl" py="6" px={{ base: '3', sm: '6' }}>
        <Outlet />
      </Container>
    </>
  );
}
