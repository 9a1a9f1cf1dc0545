/**
 * ByteBuddy advice on the JDK's and Jimfs's Java-level file I/O, dispatching through
 * {@code boot.IoDispatch}, a class injected into the bootstrap loader (advice inlined into java.*
 * and sun.* classes can only see bootstrap classes), or given to the JVM on its bootstrap class
 * path at start ({@code GivenDispatcher}), which keeps class-data sharing on. Loaded with
 * {@code -javaagent}; see {@link dev.crashlab.faults.agent.Agent}.
 *
 * <p>Advised, on JDK 17 and 25 alike (the public entry points did not move between them, only
 * what lies behind them, e.g. UnixFileSystemProvider.move delegating to UnixFileSystem.move on 25):
 * <ul>
 * <li>sun.nio.ch.FileChannelImpl and com.google.common.jimfs.JimfsFileChannel: write (3 forms),
 *     truncate, force, implCloseChannel; map, transferFrom, transferTo (reported, not recorded)</li>
 * <li>sun.nio.fs.UnixFileSystemProvider: newByteChannel, newFileChannel, move, copy,
 *     createDirectory, createLink, newAsynchronousFileChannel (reported);
 *     sun.nio.fs.AbstractFileSystemProvider: delete, deleteIfExists</li>
 * <li>com.google.common.jimfs.JimfsFileSystemProvider: newByteChannel, newFileChannel,
 *     newOutputStream, move, copy, delete, createDirectory, createLink, newAsynchronousFileChannel;
 *     JimfsOutputStream: write, close</li>
 * <li>java.io.FileOutputStream(File, boolean), FileOutputStream(FileDescriptor), write, close,
 *     getChannel; java.io.RandomAccessFile(File, String, boolean), write, close, getChannel, setLength</li>
 * <li>java.io.File: renameTo, delete, mkdir (mkdirs goes through mkdir), createNewFile and
 *     createTempFile (java.io's native exclusive create)</li>
 * <li>java.io.FileDescriptor.sync and RandomAccessFile.setLength: advised where they are Java (25);
 *     native on 17, so there their call sites are rewritten to {@code IoDispatch.sync} and
 *     {@code IoDispatch.setLength} in every class outside the JDK and crashlab's own
 *     ({@code NativeCallSites})</li>
 * <li>java.io.ByteArrayOutputStream: write, writeBytes (for crashes mid-serialization only)</li>
 * </ul>
 *
 * <p>Not seen: writes through a writable memory mapping, native transfers (transferTo/transferFrom),
 * AsynchronousFileChannel, symbolic links, JNI code, and handles opened before the run began. The
 * first four are reported in {@code RunResult.unseen()} with the target's source line; the rest are
 * caught by the completeness check (the replayed trace must give back the directory the run
 * left). Files.copy and cross-file-system moves are performed in Java, step by step, so the
 * JDK's native copy never runs unseen. Pipeline: this is the <b>record</b> step.
 */
package dev.crashlab.faults.agent;
