import type { Logger } from '../logging/logger';

export type DemoScaleName = 'small' | 'medium' | 'large';

/** A running demo Odoo: the simulator on 127.0.0.1 serving the generated demo company. */
export interface DemoServer {
  url: string;
  db: string;
  login: string;
  apiKey: string;
  /** Folder holding the demo's e-commerce export files (Shopify, WooCommerce, marketplace...). */
  exportsDir: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  scale: DemoScaleName;
  /** Where to write the export files. */
  exportsDir: string;
  logger: Logger;
  onProgress?: (label: string) => void;
}

/** Starts a demo server; injected so the workspace does not depend on how the demo is built. */
export type DemoServerFactory = (options: DemoServerOptions) => Promise<DemoServer>;
