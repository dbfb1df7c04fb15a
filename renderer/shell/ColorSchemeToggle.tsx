import { SegmentedControl, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { workspaceKeys } from '../features/workspace/queries';

/** Light, dark or follow the system; the choice is saved with the settings. */
export function ColorSchemeToggle() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const choose = (value: string) => {
    const theme = value === 'dark' || value === 'light' ? value : 'auto';
    setColorScheme(theme satisfies MantineColorScheme);
    void api.call('settings.set', { theme }).then((saved) => queryClient.setQueryData(workspaceKeys.settings(), saved)).catch(() => undefined);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label="Theme"
      value={colorScheme}
      onChange={choose}
      data={[
        { value: 'light', label: 'Light' },
        { value: 'dark', label: 'Dark' },
        { value: 'auto', label: 'System' },
      ]}
    />
  );
}
