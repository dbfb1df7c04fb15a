/**
 * Volume knobs per scale. Monthly figures are means; seasonality and growth are applied on top.
 * small ≈ a few thousand journal items, medium ≈ 300k, large ≥ 1M (see the benchmark).
 */
import type { DemoScale } from './types';

export interface ScaleConfig {
  /** Include the USD entity. */
  usdEntity: boolean;
  products: number;
  directCustomersPerCompany: number;
  shopCustomers: number;
  /** Mean direct (CRM) orders per month, per company index (EUR, GBP, USD). */
  directOrders: [number, number, number];
  shopifyOrders: number;
  wooOrders: number;
  marketplaceOrders: number;
  /** Intercompany invoices per month per subsidiary. */
  intercompanyOrders: number;
  maxLinesPerOrder: number;
  leadsPerMonth: number;
  /** Generic vendors each company buys opex from. */
  vendors: number;
}

export const SCALES: Record<DemoScale, ScaleConfig> = {
  small: {
    usdEntity: false, products: 16, directCustomersPerCompany: 25, shopCustomers: 30,
    directOrders: [5, 3, 0], shopifyOrders: 8, wooOrders: 5, marketplaceOrders: 4,
    intercompanyOrders: 1, maxLinesPerOrder: 3, leadsPerMonth: 6, vendors: 6,
  },
  medium: {
    usdEntity: true, products: 300, directCustomersPerCompany: 250, shopCustomers: 1000,
    directOrders: [190, 110, 65], shopifyOrders: 250, wooOrders: 150, marketplaceOrders: 135,
    intercompanyOrders: 6, maxLinesPerOrder: 5, leadsPerMonth: 60, vendors: 30,
  },
  large: {
    usdEntity: true, products: 800, directCustomersPerCompany: 800, shopCustomers: 4000,
    directOrders: [700, 400, 240], shopifyOrders: 900, wooOrders: 560, marketplaceOrders: 500,
    intercompanyOrders: 12, maxLinesPerOrder: 5, leadsPerMonth: 150, vendors: 60,
  },
};

/** Seasonality (index by month 1..12) for a B2B industrial distributor: summer lull, Q4 peak. */
export const SEASONALITY = [0, 0.9, 0.95, 1.05, 1.0, 1.0, 0.95, 0.8, 0.85, 1.05, 1.1, 1.15, 1.0];

/** Month-over-month growth applied across the 24-month window (about 18 % a year). */
export const MONTHLY_GROWTH = 1.014;
