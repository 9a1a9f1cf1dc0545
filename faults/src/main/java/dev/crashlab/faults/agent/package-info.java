/**
 * ByteBuddy advice on the JDK's and Jimfs's Java-level file I/O, dispatching through
 * {@code boot.IoDispatch}, a class injected into the bootstrap loader (advice inlined into java.*
 * and sun.* classes can only see bootstrap classes). Loaded with {@code -javaagent}; see
 * {@link dev.crashlab.faults.agent.Agent}.
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
 * <li>java.io.FileOutputStream(File, boolean), write, close, getChannel;
 *     java.io.RandomAccessFile(File, String, boolean), write, close, getChannel, and setLength
 *     where it is Java code (25; native on 17, so not seen there)</li>
 * <li>java.io.File: renameTo, delete, mkdir (mkdirs goes through mkdir)</li>
 * <li>java.io.FileDescriptor.sync: advised on 25 where it is Java; native on 17, so there its call
 *     sites in the target's classes are rewritten to {@code IoDispatch.sync}</li>
 * <li>java.io.ByteArrayOutputStream: write, writeBytes (for crashes mid-serialization only)</li>
 * </ul>
 *
 * <p>Not seen: writes through a memory mapping, native transfers (transferTo/transferFrom, the
 * JDK's own cross-device copy), AsynchronousFileChannel, JNI code, FileDescriptor.sync called from
 * JDK or bootstrap code on 17, and handles opened before the run began. The first three are
 * reported in {@code RunResult.unseen()} with the target's source line, and {@code Run.record}
 * refuses to return a trace that misses them.
 */
package dev.crashlab.faults.agent;
