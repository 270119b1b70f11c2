import { Box, Center, Loader } from '@mantine/core';
import { useNavigation } from 'react-router-dom';

/** The page area while the first page opened downloads its code. */
export function PageLoader() {
  return (
    <Center mih="60vh">
      <Loader aria-label="Loading the page" />
    </Center>
  );
}

/**
 * A thin bar along the header while the router opens another page (its code downloading); the page on screen stays
 * until the next one can show. The bar fades in after a moment, so that a quick change does not flicker.
 */
export function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <Box className="navigation-progress" role="progressbar" aria-label="Opening the page" />;
}
