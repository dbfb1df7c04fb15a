/// <reference types="vite/client" />
import type { BoardpackBridge } from '../shared/rpc/bridge';

declare global {
  interface Window {
    boardpack?: BoardpackBridge;
  }
}
