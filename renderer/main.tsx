import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiProvider } from './api/ApiContext';
import { connectToCore } from './api/client';
import { ConnectionFailed } from './shell/ConnectionFailed';
import { theme } from './theme';

const root = createRoot(document.getElementById('root') as HTMLElement);
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });

function render() {
  try {
    const client = connectToCore();
    return (
      <ApiProvider client={client}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </ApiProvider>
    );
  } catch (error) {
    return <ConnectionFailed message={error instanceof Error ? error.message : String(error)} />;
  }
}

root.render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {render()}
    </MantineProvider>
  </StrictMode>,
);
