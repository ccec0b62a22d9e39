// The one place the pane's state lives. The pane's async work (a check, then
// colouring with the report it made) needs the newest state between renders:
// it reads it here, and the only way to change it is dispatching an action
// through the pure reducer. React renders from the same store
// (useSyncExternalStore), so there is no second copy to keep in step.

export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
