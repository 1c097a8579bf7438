// Types for scripts/livekit-server.mjs (plain Node so that it runs before anything is installed).
export declare const LIVEKIT_VERSION: string;
export declare const livekitBinary: string;
export declare class LiveKitBuildError extends Error {}
export declare function ensureLiveKitBinary(options?: { log?: (line: string) => void }): string;

/** The config file startLiveKit writes (YAML). */
export declare function configYaml(options: {
  httpPort: number;
  tcpPort: number;
  udp: { start: number; end: number };
  apiKey: string;
  apiSecret: string;
  webhookUrls: string[];
}): string;

export interface RunningLiveKit {
  /** For livekit-client and LIVEKIT_URL: ws://127.0.0.1:<port>. */
  url: string;
  /** For RoomServiceClient: http://127.0.0.1:<port>. */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
  ports: { http: number; tcp: number; udp: { start: number; end: number } };
  logFile: string;
  /** The livekit-server process (the benchmarks read its CPU time from /proc). */
  pid: number | undefined;
  /** `{ crash: true }`: SIGKILL at once, as a crash would. */
  stop(options?: { crash?: boolean }): Promise<void>;
}

export declare function startLiveKit(options?: {
  webhookUrls?: string[];
  apiKey?: string;
  apiSecret?: string;
  udpPorts?: number;
  /** Start on these ports (an earlier server's `ports`): a restart where clients knew it. */
  ports?: RunningLiveKit['ports'];
  log?: (line: string) => void;
}): Promise<RunningLiveKit>;
