/**
 * Test helper: runs the generator at small scale into memory and indexes the records, so
 * the integrity tests can recompute everything independently of the generator's bookkeeping.
 */
import { runGenerator } from './generate';
import type { AnswerKey } from './answer-key';
import type { DemoOptions, SimRecord } from './types';

export interface Generated {
  models: Map<string, SimRecord[]>;
  byId: (model: string, id: number) => SimRecord;
  exports: Map<string, string>;
  answerKey: AnswerKey;
}

export function generateInMemory(opts: DemoOptions = { scale: 'small' }): Generated {
  const models = new Map<string, SimRecord[]>();
  const exports = new Map<string, string>();
  const { answerKey } = runGenerator(opts, {
    records(model, batch) {
      const list = models.get(model) ?? [];
      for (const r of batch) list.push(r);
      models.set(model, list);
    },
    exportFile(path, content) {
      exports.set(path, content);
    },
  });
  const indexes = new Map<string, Map<number, SimRecord>>();
  const byId = (model: string, id: number): SimRecord => {
    let index = indexes.get(model);
    if (!index) {
      index = new Map((models.get(model) ?? []).map((r) => [r.id, r]));
      indexes.set(model, index);
    }
    const record = index.get(id);
    if (!record) throw new Error(`${model} ${id} not generated`);
    return record;
  };
  return { models, byId, exports, answerKey };
}

/** Odoo float → integer cents (the generator emits cents / 100, so this is exact). */
export function cents(value: unknown): number {
  return Math.round(Number(value) * 100);
}
