/** Room mode: announces newly published pins to the Server-Sent Events streams of one server process. */
export interface PinEvent {
  projectId: number;
  comment: PublicComment;
}

/** A comment as the public sees it: no participant id, no token. */
export interface PublicComment {
  id: number;
  resourceId: number | null;
  parentId: number | null;
  displayName: string | null;
  text: string;
  sentiment: 'for' | 'against' | 'neutral';
  location: { lon: number; lat: number; height: number } | null;
  camera: unknown;
  agreements: number;
  createdAt: string;
}

type Listener = (event: PinEvent) => void;

export class PinEvents {
  private readonly listeners = new Map<number, Set<Listener>>();

  subscribe(projectId: number, listener: Listener): () => void {
    const set = this.listeners.get(projectId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(projectId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(projectId);
    };
  }

  publish(event: PinEvent): void {
    for (const listener of this.listeners.get(event.projectId) ?? []) listener(event);
  }

  listenerCount(projectId: number): number {
    return this.listeners.get(projectId)?.size ?? 0;
  }
}
