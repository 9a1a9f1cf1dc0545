package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a store's gets find an entry: open first and treat "no such file" as absent, unless the
 * seeded-bug module, which shares this package to reach it, plugs a seeded reader bug in.
 */
interface Lookup {

    Lookup REFERENCE = EntryReader::read;

    EntryReader.Found find(Path file, String key, byte[] keyBytes, long maxFileBytes) throws IOException;
}
