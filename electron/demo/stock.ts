/**
 * Stock moves and the on-hand ledger behind stock.quant: every done move changes the
 * quantity at its source and destination; quants are the net per product and location.
 */
import type { IdAllocator, Emitter } from './emitter';
import { LOCATIONS } from './master-data';
import type { CompanyInfo } from './master-data';
import type { Product } from './catalog';

/** Planning rates used for intercompany transfer prices (fixed, so costs never drift). */
const TRANSFER_RATE: Record<string, number> = { EUR: 1, GBP: 0.86, USD: 1.09 };

/** Standard unit cost in the company's currency (cents): the parent's cost, or the IC transfer price. */
export function unitCost(company: CompanyInfo, product: Product): number {
  if (company.currency === 'EUR') return product.costEur;
  return Math.round(product.costEur * 1.15 * TRANSFER_RATE[company.currency]!);
}

/** List price (cents, excl. tax) in a currency, converted at the planning rate. */
export function listPrice(product: Product, currency: string): number {
  return currency === 'EUR' ? product.priceEur : Math.round((product.priceEur * TRANSFER_RATE[currency]! * 1.04) / 10) * 10;
}

export interface StockMoveSpec {
  company: CompanyInfo;
  product: Product;
  qty: number;
  from: number;
  to: number;
  /** Odoo datetime (UTC). */
  date: string;
  state: 'done' | 'assigned' | 'cancel';
  reference: string;
  origin: string | false;
  warehouseId: number | false;
  saleLineId?: number | false;
  stamp: string;
}

export class StockBook {
  /** `${productId}:${locationId}` → on-hand quantity (done moves only). */
  readonly onHand = new Map<string, number>();
  /** Quantity shipped out of each product/location this month (replenishment sizing). */
  readonly monthOut = new Map<string, number>();
  /** Latest in_date per quant key. */
  private readonly inDate = new Map<string, string>();

  constructor(private readonly ids: IdAllocator, private readonly out: Emitter) {}

  qty(productId: number, locationId: number): number {
    return this.onHand.get(`${productId}:${locationId}`) ?? 0;
  }

  move(spec: StockMoveSpec): number {
    const id = this.ids.take('stock.move');
    const cost = unitCost(spec.company, spec.product);
    this.out.emit('stock.move', {
      id, reference: spec.reference, origin: spec.origin, state: spec.state, product_id: spec.product.id,
      product_uom_qty: spec.qty, quantity: spec.state === 'done' ? spec.qty : 0, product_qty: spec.qty, product_uom: 1,
      date: spec.date, date_deadline: false, location_id: spec.from, location_dest_id: spec.to, picking_id: false, picking_type_id: false,
      company_id: spec.company.id, warehouse_id: spec.warehouseId, sale_line_id: spec.saleLineId ?? false, price_unit: cost / 100,
      value: spec.state === 'done' ? (cost * spec.qty) / 100 : 0, is_inventory: spec.from === LOCATIONS.inventory, picked: spec.state === 'done',
      create_date: spec.stamp, write_date: spec.stamp,
    });
    if (spec.state === 'done') {
      const fromKey = `${spec.product.id}:${spec.from}`;
      const toKey = `${spec.product.id}:${spec.to}`;
      this.onHand.set(fromKey, (this.onHand.get(fromKey) ?? 0) - spec.qty);
      this.monthOut.set(fromKey, (this.monthOut.get(fromKey) ?? 0) + spec.qty);
      this.onHand.set(toKey, (this.onHand.get(toKey) ?? 0) + spec.qty);
      this.inDate.set(toKey, spec.date);
    }
    return id;
  }

  /** Emits one stock.quant per product and internal/transit location with a non-zero quantity. */
  emitQuants(locations: Map<number, { companyId: number; warehouseId: number | false }>, stamp: string): void {
    const keys = [...this.onHand.keys()].sort((a, b) => {
      const [pa, la] = a.split(':').map(Number) as [number, number];
      const [pb, lb] = b.split(':').map(Number) as [number, number];
      return la - lb || pa - pb;
    });
    for (const key of keys) {
      const [productId, locationId] = key.split(':').map(Number) as [number, number];
      const location = locations.get(locationId);
      const quantity = this.onHand.get(key)!;
      if (!location || quantity === 0) continue;
      this.out.emit('stock.quant', {
        id: this.ids.take('stock.quant'), product_id: productId, location_id: locationId, warehouse_id: location.warehouseId,
        lot_id: false, package_id: false, owner_id: false, company_id: location.companyId, quantity, reserved_quantity: 0,
        inventory_quantity: 0, in_date: this.inDate.get(key) ?? stamp, create_date: stamp, write_date: stamp,
      });
    }
  }
}
