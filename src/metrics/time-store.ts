// A store whose every operation is timed for the metrics (eolwatch_store_operation_seconds{operation}),
// whichever store it is: the same object, its methods measured as they resolve.
import type { EolwatchStore } from '../eolwatch-store.js';

export function timeStore(store: EolwatchStore, observe: (operation: string, seconds: number) => void): EolwatchStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.finally(() => observe(property, (performance.now() - started) / 1000));
      };
    },
  });
}
