/**
 * Revenue as Segment's Amplitude (Classic) destination extracted it (the facade's Track.revenue(),
 * mapRevenueAttributes, setRevenue), producing Amplitude `revenue_amount` events. Pure.
 * Departures where the classic code booked revenue wrongly are marked "Difference:".
 */
import type { AmplitudeEvent, Dict } from '../../core/types.js';
export declare function isOrderCompleted(eventName: string): boolean;
/** Track.revenue(): `revenue` (or `total` for order events); `$`-strings parsed; 0 and junk mean none. */
export declare function extractRevenue(eventName: string, properties: Dict): number | undefined;
export interface RevenueAttributes {
    price: unknown;
    quantity: number;
    productId: string | undefined;
    revenueType: string | undefined;
    revenue: number | undefined;
    eventProperties: Dict;
}
/** mapRevenueAttributes: what the classic integration read from a (possibly product-level) track. */
export declare function revenueAttributes(eventName: string, properties: Dict): RevenueAttributes;
/**
 * One `revenue_amount` event, carrying Amplitude's revenue fields both as the `$`-properties the SDK's
 * Revenue class writes and as the HTTP API's top-level `price`/`quantity`/`revenue` fields, so revenue
 * charts (Revenue LTV, ARPU) read it either way. Returns undefined when nothing is to be booked.
 */
export declare function revenueEvent(attrs: RevenueAttributes, useLogRevenueV2: boolean): AmplitudeEvent | undefined;
/** trackProductsOnce: each product reduced to exactly these keys. */
export declare function reduceProduct(product: Dict): Dict;
export declare function productsOf(properties: Dict): Dict[];
