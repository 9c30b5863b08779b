import type { ChildProcess } from 'node:child_process';

export function findRedisServer(): string;
export function freePort(): Promise<number>;
export function startRedis(options: {
  binary?: string;
  port: number;
}): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }>;
export function shutdownRedisAt(url: string): Promise<void>;
