import { useEffect, useState } from 'react';
import { useToken } from './auth';
import { GraphRequestError, requestGraph, type GraphAnswer } from './graphql';

export interface GraphState<T> extends Partial<GraphAnswer<T>> {
  loading: boolean;
  /** The request failed as a whole. */
  failure: GraphRequestError | null;
  retry(): void;
}

/**
 * Runs `query` whenever its variables change (skipped while `skip`), dropping the
 * answer of a request a newer one replaced. A token the graph refuses signs out.
 */
export function useGraph<T, V extends object>(query: string, variables: V, skip = false): GraphState<T> {
  const { token, signOut } = useToken();
  const [state, setState] = useState<Omit<GraphState<T>, 'retry'>>({ loading: !skip, failure: null });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip || !token) {
      // A skipped query is not loading, even if the one it replaced was cut off mid-flight.
      setState((previous) => (previous.loading ? { ...previous, loading: false } : previous));
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, failure: null }));
    requestGraph<T>(query, variables, token, controller.signal).then(
      (answer) => setState({ ...answer, loading: false, failure: null }),
      (error: Error) => {
        if (error.name === 'AbortError') return;
        const failure = error instanceof GraphRequestError ? error : new GraphRequestError(error.message, undefined);
        if (failure.code === 'UNAUTHENTICATED') signOut(true);
        setState({ loading: false, failure });
      },
    );
    return () => controller.abort();
    // `variables` is compared by value through `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key, skip, token, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
