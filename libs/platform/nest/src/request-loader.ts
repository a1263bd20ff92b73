import DataLoader from 'dataloader';

/**
 * A DataLoader per GraphQL request: `perRequest(batch)` returns a function that gives each
 * request context its own loader, so the loads of one request (the 100 references of one
 * `_entities` call, the fields of a list) become one call of `batch`, and nothing is cached
 * across requests (or across callers with different rights).
 */
export function perRequest<Key, Value, Context extends object = object>(
  // The request's context too, for a batch that depends on who asks (their grants, their id).
  batch: (keys: readonly Key[], context: Context) => Promise<readonly Value[]>,
  options: DataLoader.Options<Key, Value> = {},
): (context: Context) => DataLoader<Key, Value> {
  const loaders = new WeakMap<Context, DataLoader<Key, Value>>();
  return (context) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = new DataLoader<Key, Value>((keys) => batch(keys, context), {
        maxBatchSize: 1000,
        ...options,
      });
      loaders.set(context, loader);
    }
    return loader;
  };
}
