/** Maximum flow by Dinic's algorithm, for the lower bound's small networks (a few thousand edges). */
export class FlowNetwork {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  addEdge(from: number, to: number, capacity: number): void {
    for (const [a, b, c] of [
      [from, to, capacity],
      [to, from, 0],
    ] as const) {
      this.to.push(b);
      this.cap.push(c);
      this.next.push(this.head[a] ?? -1);
      this.head[a] = this.to.length - 1;
    }
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    const level = new Int32Array(this.nodes);
    const iter = new Int32Array(this.nodes);
    const bfs = () => {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let qi = 0; qi < queue.length; qi++) {
        const v = queue[qi] as number;
        for (let e = this.head[v] ?? -1; e >= 0; e = this.next[e] ?? -1) {
          const u = this.to[e] as number;
          if ((this.cap[e] ?? 0) > 0 && level[u] === -1) {
            level[u] = (level[v] ?? 0) + 1;
            queue.push(u);
          }
        }
      }
      return level[sink] !== -1;
    };
    const dfs = (v: number, pushed: number): number => {
      if (v === sink) return pushed;
      for (; (iter[v] ?? -1) >= 0; iter[v] = this.next[iter[v] ?? 0] ?? -1) {
        const e = iter[v] as number;
        const u = this.to[e] as number;
        if ((this.cap[e] ?? 0) > 0 && level[u] === (level[v] ?? 0) + 1) {
          const got = dfs(u, Math.min(pushed, this.cap[e] ?? 0));
          if (got > 0) {
            this.cap[e] = (this.cap[e] ?? 0) - got;
            this.cap[e ^ 1] = (this.cap[e ^ 1] ?? 0) + got;
            return got;
          }
        }
      }
      return 0;
    };
    while (bfs()) {
      for (let v = 0; v < this.nodes; v++) iter[v] = this.head[v] ?? -1;
      for (let f = dfs(source, Infinity); f > 0; f = dfs(source, Infinity)) flow += f;
    }
    return flow;
  }
}
