import { createContext, useContext, type Provider } from 'react';

/**
 * A React context for one part of the room (the session, media, distress, …) whose reader throws
 * outside its provider, so a part used where it is not wired fails loudly at once (as LiveKit's
 * `useRoomContext` does) instead of rendering with empty state.
 */
export function createPartContext<T>(part: string): [Provider<T | null>, () => T, () => T | null] {
  const Context = createContext<T | null>(null);
  Context.displayName = part;
  const useRequired = (): T => {
    const value = useContext(Context);
    if (value === null) throw new Error(`${part} is read outside its provider: render it inside <RoomPage>.`);
    return value;
  };
  const useOptional = (): T | null => useContext(Context);
  return [Context.Provider, useRequired, useOptional];
}
