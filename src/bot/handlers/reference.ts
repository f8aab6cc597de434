import type { Command } from '../../language/command';
import type { Reply, Turn } from '../turn';
import * as views from '../views';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

export async function help(turn: Turn): Promise<Reply[]> {
  return [views.help(turn.sender.role === 'admin' ? 'admin' : 'user', false)];
}

export async function comparison(_turn: Turn, command: Of<'comparison'>): Promise<Reply[]> {
  return [views.comparison(command.edition)];
}

export async function feature(_turn: Turn, command: Of<'feature'>): Promise<Reply[]> {
  return [command.feature, ...(command.also ?? [])].map((id) => views.feature(id));
}

export async function featureUnknown(_turn: Turn, command: Of<'featureUnknown'>): Promise<Reply[]> {
  return views.featureUnknown(command.name, command.near);
}
