/**
 * Command-line arguments, the same way for every command: `--help` prints the help and exits 0;
 * an unknown option, a missing value or a stray argument prints what is wrong and the usage
 * line, and exits 2.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
/** What `parseArgs` returns for these options: each option's value typed by its declaration. */
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** What a command accepts and how to say so. */
export interface CommandSpec<O extends Options> {
  /** The first line of the help, and what an error is followed by: `npm run ask -- [options] "question"`. */
  usage: string;
  /** The rest of the help: what the command does, each option on a line. */
  help: string;
  options: O;
  /** How many arguments besides options it takes (default none). */
  maxPositionals?: number;
}

/** Parses `argv` (default: this process's) by `spec`; prints and exits on `--help` or a mistake. */
export function parseCommand<O extends Options>(
  spec: CommandSpec<O>,
  argv = process.argv.slice(2),
): Parsed<O> {
  const { maxPositionals = 0 } = spec;
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: maxPositionals > 0,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(`Usage: ${spec.usage}\n\n${spec.help.trim()}`);
      process.exit(0);
    }
    if (parsed.positionals.length > maxPositionals) {
      throw new Error(`unexpected argument "${parsed.positionals[maxPositionals]}"`);
    }
    return parsed as unknown as Parsed<O>;
  } catch (err) {
    return usageError(spec, err instanceof Error ? firstSentence(err.message) : String(err));
  }
}

/** Prints `problem` and the usage line, and exits 2 (the code for a command used wrongly). */
export function usageError(spec: Pick<CommandSpec<Options>, "usage">, problem: string): never {
  console.error(`${problem}\nUsage: ${spec.usage}   (--help for more)`);
  process.exit(2);
}

// Node's messages go on with advice for programmers ("To specify a positional argument …").
function firstSentence(message: string): string {
  return (message.split(/\.\s/)[0] ?? message).replace(/\.$/, "");
}
