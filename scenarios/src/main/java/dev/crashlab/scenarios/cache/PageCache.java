package dev.crashlab.scenarios.cache;

import java.io.IOException;

/**
 * A static page cache in front of a {@link DataSource} (seed 003): pages are files regenerated on a
 * miss and removed when the data they show changes. G7: once {@link #invalidate} returns after a
 * commit, no request is served the page as it was before that commit.
 */
interface PageCache {

    /** The page: from its file when cached, else regenerated from the data source. */
    String serve(String page) throws IOException;

    /** Called after a commit that changes {@code page}. */
    void invalidate(String page) throws IOException;
}
