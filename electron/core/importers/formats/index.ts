/** Every built-in format, in detection priority (more specific headers first). */
import { amazonSettlement } from './amazon-settlement';
import type { FormatSpec } from './format';
import { paypalActivity } from './paypal';
import { shopifyOrders } from './shopify-orders';
import { shopifyPayouts, shopifyTransactions } from './shopify-payments';
import { stripeBalance, stripeItemized } from './stripe';
import { woocommerceOrders } from './woocommerce-orders';

export const BUILT_IN_FORMATS: readonly FormatSpec[] = [
  shopifyOrders,
  shopifyTransactions,
  shopifyPayouts,
  woocommerceOrders,
  stripeItemized,
  stripeBalance,
  amazonSettlement,
  paypalActivity,
];
