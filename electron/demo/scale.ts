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
    usdEntity: false, products: 24, directCustomersPerCompany: 25, shopCustomers: 30,
    directOrders: [7, 4, 0], shopifyOrders: 9, wooOrders: 6, marketplaceOrders: 5,
    intercompanyOrders: 1, maxLinesPerOrder: 3, leadsPerMonth: 6, vendors: 6,
  },
  medium: {
    usdEntity: true, products: 400, directCustomersPerCompany: 600, shopCustomers: 2500,
    directOrders: [520, 300, 180], shopifyOrders: 700, wooOrders: 420, marketplaceOrders: 380,
    intercompanyOrders: 6, maxLinesPerOrder: 5, leadsPerMonth: 120, vendors: 40,
  },
  large: {
    usdEntity: true, products: 1200, directCustomersPerCompany: 2000, shopCustomers: 9000,
    directOrders: [1750, 1000, 600], shopifyOrders: 2300, wooOrders: 1400, marketplaceOrders: 1250,
    intercompanyOrders: 12, maxLinesPerOrder: 5, leadsPerMonth: 300, vendors: 80,
  },
};

/** Seasonality (index by month 1..12) for a B2B industrial distributor: summer lull, Q4 peak. */
export const SEASONALITY = [0, 0.9, 0.95, 1.05, 1.0, 1.0, 0.95, 0.8, 0.85, 1.05, 1.1, 1.15, 1.0];

/** Month-over-month growth applied across the 24-month window (about 18 % a year). */
export const MONTHLY_GROWTH = 1.014;
