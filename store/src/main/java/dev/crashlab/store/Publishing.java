package dev.crashlab.store;

import java.nio.file.Path;

/**
 * How a store's puts are published: the reference protocol, unless the seeded-bug module, which
 * shares this package to reach it, plugs a seeded bug in. Not public: a user of the store gets the
 * reference protocol and the durability options, and nothing else.
 */
interface Publishing {

    Publishing REFERENCE = (durability, root, steps, maxValueBytes) -> new RenamePublisher(steps, null, true,
            durability != Durability.NONE, durability == Durability.FILE_AND_DIRECTORY, false, maxValueBytes);

    Publisher publisher(Durability durability, Path root, Steps steps, long maxValueBytes);
}
