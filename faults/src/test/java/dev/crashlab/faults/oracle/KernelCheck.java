package dev.crashlab.faults.oracle;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the kernel oracle can run here, and if not, exactly why. */
public final class KernelCheck {

    private KernelCheck() {
    }

    /** Null when this process is root on Linux with loop devices; else what is missing and what to do. */
    public static String unavailable() {
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return "the kernel oracle needs Linux (loop devices, ext4/xfs/btrfs); this is " + System.getProperty("os.name");
        }
        try {
            String uid = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .findFirst().orElse("Uid: ?").split("\\s+")[1];
            if (!uid.equals("0")) {
                return "the kernel oracle needs root (it makes file systems on loop devices and mounts them); uid is " + uid;
            }
        } catch (IOException e) {
            return "cannot read /proc/self/status to tell whether this is root: " + e.getMessage();
        }
        if (!Files.exists(Path.of("/dev/loop-control"))) {
            return "no /dev/loop-control: this machine (container?) has no loop devices";
        }
        for (String tool : new String[] {"losetup", "mount", "umount", "sync"}) {
            if (!onPath(tool)) {
                return tool + " is not on the PATH (Debian: util-linux, coreutils)";
            }
        }
        return null;
    }

    /** Null when the setup's tools are here; else which is missing and its Debian package. */
    public static String missingTool(FsSetup setup) {
        String mkfs = setup.mkfs().get(0);
        if (onPath(mkfs)) {
            return null;
        }
        String pkg = switch (setup.type()) {
            case "xfs" -> "xfsprogs";
            case "btrfs" -> "btrfs-progs";
            default -> "e2fsprogs";
        };
        return mkfs + " is not on the PATH (Debian: apt-get install " + pkg + "; .ci/run installs it)";
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
