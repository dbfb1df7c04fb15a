/**
 * Channel rules as the app shows and applies them: the saved per-cache rows of
 * `app_channel_setting`, completed with the Settings defaults (tolerance, date window) for every
 * channel that has no value of its own. The matcher keeps its own defaults for callers that pass
 * none (the CLI).
 */
import type Database from 'better-sqlite3';
import { DEFAULT_SOURCE_CHANNEL } from '../../../shared/reconcile/settlement-index';
import type { ChannelSetting, SettlementLine, ShopOrder } from '../../../shared/reconcile/types';
import type { ChannelRule, ChannelRuleInput, ChannelRulesView } from '../../../shared/rpc/contracts/reconcile';
import { AppError } from '../../../shared/rpc/errors';
import type { Clock } from '../clock';
import { loadChannelSettings, saveChannelSetting } from './settings-store';

/** Values a channel without its own tolerance or date window gets (Settings → reconciliation). */
export interface ChannelDefaults {
  roundingToleranceMinor: number;
  dateWindowDays: number;
}

/** The channel defaults held by the app Settings (its amount tolerance and date window). */
export function channelDefaultsOf(reconciliation: { amountToleranceMinor: number; dateWindowDays: number }): ChannelDefaults {
  return { roundingToleranceMinor: reconciliation.amountToleranceMinor, dateWindowDays: reconciliation.dateWindowDays };
}

/** The channel a provider's lines belong to when no rule routes them elsewhere. */
export function conventionalChannelOf(source: string): string {
  return DEFAULT_SOURCE_CHANNEL[source] ?? source;
}

/**
 * One setting per channel (saved ones and every channel in `channels`), each gap filled from
 * `defaults`. A channel without a saved row keeps the matcher's shipping default (booked in Odoo)
 * and gets no settlement sources, so provider routing is unchanged.
 */
export function applyChannelDefaults(saved: readonly ChannelSetting[], channels: Iterable<string>, defaults: ChannelDefaults): ChannelSetting[] {
  const byChannel = new Map(saved.map((setting) => [setting.channel, setting]));
  for (const channel of channels) if (!byChannel.has(channel)) byChannel.set(channel, { channel, shippingInOdoo: true });
  return [...byChannel.values()].map((setting) => ({
    ...setting,
    roundingToleranceMinor: setting.roundingToleranceMinor ?? defaults.roundingToleranceMinor,
    dateWindowDays: setting.dateWindowDays ?? defaults.dateWindowDays,
  }));
}

/**
 * The settings a run hands the matcher: the saved rules, and with `defaults` every channel of the
 * loaded shop data completed from them. Without `defaults` the saved rules as they are (the
 * matcher then applies its own defaults).
 */
export function channelSettingsFor(
  db: Database.Database,
  shop: { shopOrders: readonly ShopOrder[]; settlementLines: readonly SettlementLine[] },
  defaults: ChannelDefaults | undefined,
): ChannelSetting[] {
  const saved = loadChannelSettings(db);
  if (!defaults) return saved;
  const channels = [...shop.shopOrders.map((order) => order.channel), ...shop.settlementLines.map((line) => conventionalChannelOf(line.source))];
  return applyChannelDefaults(saved, channels, defaults);
}

/** Channels present in imported data: shop orders' channels and the channels of provider lines. */
export function importedChannels(db: Database.Database): Set<string> {
  const channels = new Set(db.prepare('SELECT DISTINCT channel FROM app_shop_order').pluck().all().map(String));
  for (const source of importedSources(db)) channels.add(conventionalChannelOf(source));
  return channels;
}

function importedSources(db: Database.Database): string[] {
  return db.prepare('SELECT DISTINCT source FROM app_settlement_line ORDER BY source').pluck().all().map(String);
}

/**
 * The rules the Settings screen lists: saved rows, the channels seen in imports and the
 * conventional ones (shopify, woocommerce, marketplace), so a new user has something to set.
 */
export function listChannelRules(db: Database.Database, defaults: ChannelDefaults): ChannelRulesView {
  const saved = new Map(loadChannelSettings(db).map((setting) => [setting.channel, setting]));
  const seen = importedChannels(db);
  const sources = importedSources(db);
  const channels = new Set([...Object.values(DEFAULT_SOURCE_CHANNEL), ...seen, ...saved.keys()]);
  const rules = [...channels].sort().map((channel): ChannelRule => {
    const setting = saved.get(channel);
    return {
      channel,
      shippingInOdoo: setting?.shippingInOdoo ?? true,
      roundingToleranceMinor: setting?.roundingToleranceMinor ?? null,
      dateWindowDays: setting?.dateWindowDays ?? null,
      settlementSources: setting?.settlementSources ?? [],
      saved: setting !== undefined,
      seenInImports: seen.has(channel),
      conventionalSources: Object.keys(DEFAULT_SOURCE_CHANNEL).filter((source) => DEFAULT_SOURCE_CHANNEL[source] === channel),
    };
  });
  const claimed = [...saved.values()].flatMap((setting) => setting.settlementSources ?? []);
  return {
    rules,
    settlementSources: [...new Set([...Object.keys(DEFAULT_SOURCE_CHANNEL), ...sources, ...claimed])].sort(),
    defaults: { amountToleranceMinor: defaults.roundingToleranceMinor, dateWindowDays: defaults.dateWindowDays },
  };
}

/**
 * Saves one rule (input already shape-checked by the contract). A settlement source can feed one
 * channel only: claiming one another rule holds is refused, naming both, rather than silently
 * moving the provider's lines.
 */
export function saveChannelRule(db: Database.Database, rule: ChannelRuleInput, clock: Clock): void {
  const sources = [...new Set(rule.settlementSources)];
  for (const other of loadChannelSettings(db)) {
    if (other.channel === rule.channel) continue;
    const clash = sources.find((source) => other.settlementSources?.includes(source));
    if (clash) {
      throw new AppError('validation', `settlementSources: "${clash}" already belongs to channel "${other.channel}".`, {
        hint: `Remove it from "${other.channel}" first, then add it here.`,
        details: [{ path: ['settlementSources'], message: `"${clash}" belongs to "${other.channel}"` }],
      });
    }
  }
  saveChannelSetting(db, {
    channel: rule.channel,
    shippingInOdoo: rule.shippingInOdoo,
    roundingToleranceMinor: rule.roundingToleranceMinor ?? undefined,
    dateWindowDays: rule.dateWindowDays ?? undefined,
    settlementSources: sources,
  }, clock);
}
