package dev.crashlab.scenarios.explain;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.crash.TraceFacts;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.reports.Fix;
import dev.crashlab.reports.TraceOp;
import dev.crashlab.reports.Vulnerability;
import dev.crashlab.reports.VulnerabilityClass;
import dev.crashlab.scenarios.grade.ReportAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the vulnerability behind a counterexample and verifies its fix on the recorded trace.
 *
 * <p>A crash state is explained by the operations it lost (dropped or torn) against those it kept:
 * a lost write of a file whose rename persisted is data not durable before publish; a lost
 * operation on one file under a kept later one on another is ordering across files; a lost
 * append past the synced size is a torn append; a lost directory entry is a publish not durable.
 * A state that lost nothing (a process crash) and a reader's pause point are explained by the
 * window they fall in: between an unlink, truncate or recreate of a name and the operation that
 * completes its new contents is a non-atomic replace; anything else is a visible intermediate state.
 * A reader that fails beside the paused writer but reads the same files correctly apart from it was
 * locked out by the writer (its lock, its in-process state), whatever the window.
 */
public final class Explainer {

    /**
     * Whether what the reader finds in one crash state of a (possibly edited) trace is allowed.
     * {@code position} maps a position of the recorded trace (0 to its size) to the edited one, so
     * what was acknowledged where (a put that returned after operation n) is judged at the same
     * point of the edited trace; the recorded trace's size maps to the edited trace's end.
     */
    @FunctionalInterface
    public interface Judge {
        boolean holds(CrashState state, java.util.function.IntUnaryOperator position);
    }

    private final IoTrace trace;
    private final TraceFacts facts;

    private Explainer(IoTrace trace) {
        this.trace = trace;
        this.facts = new TraceFacts(trace);
    }

    /** The vulnerability behind a crash state the judge failed, with its fix judged under the same model. */
    public static Optional<Vulnerability> crashState(IoTrace trace, Provenance failing, PersistenceModel model,
                                                     Exploration exploration, Judge judge) {
        return crashState(trace, failing, model, exploration, judge, ExplainBudget.unlimited());
    }

    /** As above, the fix judged within the budget's allowance for one finding. */
    public static Optional<Vulnerability> crashState(IoTrace trace, Provenance failing, PersistenceModel model,
                                                     Exploration exploration, Judge judge, ExplainBudget budget) {
        ExplainBudget.Allowance time = budget.allow();
        try {
            return crashState(new Explainer(trace), failing, model, exploration, judge, time);
        } finally {
            time.done();
        }
    }

    private static Optional<Vulnerability> crashState(Explainer e, Provenance failing, PersistenceModel model,
                                                      Exploration exploration, Judge judge,
                                                      ExplainBudget.Allowance time) {
        IoTrace trace = e.trace;
        Optional<Candidate> found = e.lost(failing).or(() -> e.window(failing.crashPoint(), e.cut(failing)));
        if (found.isPresent() && found.get().kind() == VulnerabilityClass.VISIBLE_INTERMEDIATE_STATE) {
            // Lost appends to a file written where readers look: a log, whose fix is an fsync after each
            // append, or a file rewritten in place, whose fix is a temp file. The fix that holds decides;
            // once the budget ran out deciding, the log's is told as not explained, not the other one.
            Optional<Vulnerability> log = e.unsyncedAppends(failing)
                    .map(c -> c.judged(trace, model, exploration, judge, time))
                    .filter(v -> v.fix().outcome() == Fix.Outcome.VERIFIED || v.fix().outcome() == Fix.Outcome.OUT_OF_BUDGET);
            if (log.isPresent()) {
                return log;
            }
        }
        Optional<Vulnerability> explained = found.map(c -> c.judged(trace, model, exploration, judge, time));
        if (explained.isPresent() && explained.get().fix().outcome() == Fix.Outcome.NOT_SUFFICIENT) {
            // A fix shown not to work points at the wrong file (a log's append lost beside the data
            // file's overwrite): the overwrite the state also lost is what the reader saw cut.
            Optional<Candidate> overwrite = e.overwrite(e.cut(failing));
            if (overwrite.isPresent()) {
                return overwrite.map(c -> c.judged(trace, model, exploration, judge, time));
            }
        }
        return explained;
    }

    /**
     * For a crash state that no later writer could recover from (G5): the file the crash left
     * behind that the writer would have removed or renamed away, e.g. a lock; otherwise as
     * {@link #crashState}.
     */
    public static Optional<Vulnerability> leftover(IoTrace trace, Provenance failing, PersistenceModel model,
                                                   Exploration exploration, Judge judge) {
        Explainer e = new Explainer(trace);
        int point = failing.crashPoint();
        Names at = Names.after(e.facts, point);
        for (int c = point - 1; c >= 0; c--) {
            IoOp create = e.op(c);
            if (create.kind() != OpKind.CREATE || !failing.persisted().contains(c)
                    || !Integer.valueOf(e.facts.inode(c)).equals(at.file(create.path()))
                    || e.published(e.facts.inode(c), c)) {
                continue; // a temp file the writer publishes is not a leftover that blocks anyone
            }
            for (int j = point; j < trace.size(); j++) {
                IoOp removal = e.op(j);
                // a file the writer deletes itself once done (a lock, a marker); a temp it renames is published, not left
                if (removal.kind() == OpKind.DELETE && removal.path().equals(create.path())) {
                    return Optional.of(new Vulnerability(VulnerabilityClass.UNRECOVERABLE_LEFTOVER, stake(List.of(create, removal)),
                            create.site(), new Fix("make " + Ops.name(create.path()) + " recoverable: hold an OS lock that"
                            + " dies with the process (FileChannel.tryLock) rather than a file's existence, or have the"
                            + " next writer remove a leftover whose owner is gone " + Ops.at("at", create),
                            Fix.Outcome.NOT_VERIFIED, "")));
                }
            }
        }
        return crashState(trace, failing, model, exploration, judge);
    }

    /**
     * The vulnerability behind what a reader saw with the writer paused after {@code pausePoint}
     * operations: for one writer, exactly the process-crash state at that point, which is how the
     * fix is judged.
     */
    public static Optional<Vulnerability> pausedReader(IoTrace trace, int pausePoint, Judge judge) {
        return pausedReader(trace, pausePoint, judge, ExplainBudget.unlimited());
    }

    /** As above, the fix judged within the budget's allowance for one finding. */
    public static Optional<Vulnerability> pausedReader(IoTrace trace, int pausePoint, Judge judge, ExplainBudget budget) {
        ExplainBudget.Allowance time = budget.allow();
        try {
            return new Explainer(trace).window(pausePoint)
                    .map(c -> c.judged(trace, new ProcessCrash(), Exploration.defaults(), judge, time));
        } finally {
            time.done();
        }
    }

    /**
     * A reader that failed beside the writer paused after {@code pausePoint} operations, if
     * {@code judge} (the same check the live reading failed) holds on the files at that point read
     * apart from the writer: locked out by the writer's lock or in-process state; else empty.
     */
    public static Optional<Vulnerability> lockedOut(IoTrace trace, int pausePoint, Judge judge) {
        List<CrashState> there = new CrashStates(trace).atCrashPoint(new ProcessCrash(), Exploration.defaults(), pausePoint);
        return there.isEmpty() || !judge.holds(there.get(0), java.util.function.IntUnaryOperator.identity())
                ? Optional.empty() : Optional.of(new Explainer(trace).lockedOut(pausePoint));
    }

    /**
     * The vulnerability behind a race between two writers, one paused after {@code pausePoint}
     * operations of {@code trace} while the other wrote: both acknowledged and one value lost is a
     * publish that is not exclusive; a pause after a file's create and before its rename, where
     * another run of the writer ({@code sameWriter}, null if none) created the same name and renamed
     * it, is writers sharing a temp name (the name is fixed, not random). Neither fix is an edit of
     * one recorded trace: not verified.
     */
    public static Optional<Vulnerability> race(IoTrace trace, int pausePoint, boolean acknowledgedLost,
                                               IoTrace sameWriter) {
        Explainer e = new Explainer(trace);
        if (acknowledgedLost) {
            for (int i = trace.size() - 1; i >= 0; i--) {
                IoOp publish = e.op(i);
                if (publish.kind() == OpKind.MOVE) {
                    return Optional.of(new Vulnerability(VulnerabilityClass.PUBLISH_NOT_EXCLUSIVE, stake(List.of(publish)),
                            publish.site(), new Fix("publish " + Ops.name(publish.target()) + " exclusively "
                            + Ops.at("at", publish) + ": link the temp file to the name (Files.createLink) or create"
                            + " it with CREATE_NEW, so that the second writer fails instead of replacing a value"
                            + " already acknowledged", Fix.Outcome.NOT_VERIFIED, "")));
                }
            }
        }
        for (int c = Math.min(pausePoint, trace.size()) - 1; c >= 0 && sameWriter != null; c--) {
            IoOp create = e.op(c);
            if (create.kind() == OpKind.CREATE && !renames(trace, create.path(), c, pausePoint)
                    && renames(sameWriter, create.path(), 0, sameWriter.size())) {
                return Optional.of(new Vulnerability(VulnerabilityClass.SHARED_TEMP_NAME, stake(List.of(create)),
                        create.site(), new Fix("give each writer a temp file of its own " + Ops.at("at", create)
                        + " (Files.createTempFile in the same directory, or a unique suffix): every writer uses "
                        + Ops.name(create.path()) + ", so one renames into place what another is still writing",
                        Fix.Outcome.NOT_VERIFIED, "")));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code trace} renames or links {@code name} to another name between positions {@code from} and {@code to}. */
    private static boolean renames(IoTrace trace, String name, int from, int to) {
        for (int i = from; i < Math.min(to, trace.size()); i++) {
            if (Ops.publishes(trace.get(i)) && trace.get(i).path().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The files at the pause point, read apart from the live writer, are allowed: what failed the
     * reader beside it was the writer's lock or in-process state, and no change to the files fixes that.
     */
    private Vulnerability lockedOut(int pausePoint) {
        List<IoOp> stake = new ArrayList<>();
        if (pausePoint > 0) {
            stake.add(op(pausePoint - 1));
        }
        if (pausePoint < trace.size()) {
            stake.add(op(pausePoint));
        }
        String site = stake.isEmpty() ? null : stake.get(0).site();
        return new Vulnerability(VulnerabilityClass.READER_LOCKED_OUT, stake(stake), site, new Fix(
                "share access with the writer: the same files read apart from the paused writer give an allowed value,"
                        + " so the reader was stopped by the writer's lock or in-process state, not by what is on"
                        + " disk; have the reader wait for the writer's lock (with no timeout shorter than a write),"
                        + " or open the files in a mode the writer's lock admits (shared, read-only)",
                Fix.Outcome.NOT_VERIFIED, ""));
    }

    // ---- crash states that lost operations

    private Optional<Candidate> lost(Provenance failing) {
        Set<Integer> lost = new TreeSet<>(failing.dropped());
        lost.addAll(failing.torn().keySet());
        Set<Integer> kept = new TreeSet<>(failing.persisted());
        for (int w : lost) {
            if (!facts.isData(w)) {
                continue;
            }
            for (int r : kept) {
                if (r > w && Ops.publishes(op(r)) && facts.inode(r) == facts.inode(w)) {
                    IoOp rename = op(r);
                    return Optional.of(new Candidate(VulnerabilityClass.DATA_NOT_DURABLE_BEFORE_PUBLISH,
                            List.of(op(w), rename), rename.site(),
                            "add an fsync of " + Ops.name(op(w).path()) + " (FileChannel.force(true) or getFD().sync()) "
                                    + Ops.at("before", rename),
                            new TraceEdit(trace).upTo(r).insert(TraceEdit.fsyncOf(op(w), rename.site())).build()));
                }
            }
        }
        for (int w : lost) {
            if (op(w).kind() == OpKind.WRITE && facts.syncedSize(w) > 0 && op(w).offset() >= facts.syncedSize(w)) {
                return Optional.of(new Candidate(VulnerabilityClass.TORN_APPEND, List.of(op(w)), op(w).site(),
                        "fsync " + Ops.name(op(w).path()) + " after the append " + Ops.at("at", op(w))
                                + " before acknowledging it; a torn tail stays possible until then, so have the reader"
                                + " drop a record whose length or checksum does not match",
                        new TraceEdit(trace).upTo(w + 1).insertBeforePromise(TraceEdit.fsyncOf(op(w), op(w).site())).build()));
            }
        }
        for (int w : lost) {
            for (int o : kept) {
                if (o > w && facts.inode(o) != facts.inode(w) && facts.isData(o) && facts.isData(w)) {
                    IoOp first = op(w);
                    IoOp barrier = facts.isData(w) ? TraceEdit.fsyncOf(first, first.site())
                            : TraceEdit.fsyncDirectory(Ops.parent(entryName(first)), first.site());
                    return Optional.of(new Candidate(VulnerabilityClass.ORDERING_ACROSS_FILES, List.of(first, op(o)),
                            first.site(), "fsync " + (facts.isData(w) ? Ops.name(first.path())
                                    : "the directory of " + Ops.name(entryName(first))) + " " + Ops.at("after", first)
                                    + ", before " + Ops.name(op(o).path()) + " is written",
                            new TraceEdit(trace).upTo(w + 1).insert(barrier).build()));
                }
            }
        }
        for (int j : lost) {
            IoOp publish = op(j);
            if (Ops.publishes(publish)) {
                for (int d : kept) {
                    if (d < j && op(d).kind() == OpKind.DELETE && op(d).path().equals(publish.target())) {
                        return Optional.of(dropDelete(d, publish));
                    }
                }
            }
        }
        for (int w : lost) {
            int create = creation(w);
            if (facts.isData(w) && create >= 0 && !published(facts.inode(w), create)) {
                return Optional.of(publishInPlace(create, op(create).path(), facts.inode(w)));
            }
        }
        List<Integer> entries = lost.stream().filter(facts::isEntry).toList();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        int e = entries.get(entries.size() - 1);
        IoOp publish = op(e);
        TraceEdit edit = new TraceEdit(trace);
        // data the publish depends on that is lost too: fsync it before, or the directory fsync is not enough
        for (int w : lost) {
            if (facts.isData(w) && w < e && Ops.publishes(publish) && facts.inode(w) == facts.inode(e)) {
                edit.upTo(e).insert(TraceEdit.fsyncOf(op(w), publish.site()));
                break;
            }
        }
        edit.upTo(e + 1);
        for (String dir : directoriesOf(publish)) {
            edit.insert(TraceEdit.fsyncDirectory(dir, publish.site()));
        }
        return Optional.of(new Candidate(VulnerabilityClass.PUBLISH_NOT_DURABLE, List.of(publish), publish.site(),
                "fsync the directory " + Ops.name(Ops.parent(entryName(publish))) + " (FileChannel.open(dir).force(true)) "
                        + Ops.at("after", publish), edit.build()));
    }

    /** The operations a crash state lost (dropped or torn); those beside its crash point if it lost none. */
    private java.util.Collection<Integer> cut(Provenance failing) {
        Set<Integer> lost = new TreeSet<>(failing.dropped());
        lost.addAll(failing.torn().keySet());
        return lost.isEmpty() ? beside(failing.crashPoint()) : lost;
    }

    /** The operations on either side of a point between two of them. */
    private List<Integer> beside(int point) {
        List<Integer> beside = new ArrayList<>();
        for (int i = Math.max(0, point - 1); i <= point && i < trace.size(); i++) {
            beside.add(i);
        }
        return beside;
    }

    /**
     * Appends beyond what was synced, lost, to a file never published under another name: each
     * append gets its fsync in the edited trace, as a log that acknowledges a record only once it is
     * synced would do.
     */
    private Optional<Candidate> unsyncedAppends(Provenance failing) {
        Set<Integer> lost = new TreeSet<>(failing.dropped());
        lost.addAll(failing.torn().keySet());
        for (int w : lost) {
            IoOp first = op(w);
            int create = creation(w);
            if (first.kind() != OpKind.WRITE || first.offset() < facts.syncedSize(w)
                    || create >= 0 && published(facts.inode(w), create) || writesTo(facts.inode(w)) < 2
                    || create >= 0 && copiedFromElsewhere(lastOn(facts.inode(w), create), first.path())) {
                continue; // one write, or a move's copy: a file put in place, not a log appended to
            }
            TraceEdit edit = new TraceEdit(trace);
            for (int a = 0; a < trace.size(); a++) {
                if (op(a).kind() == OpKind.WRITE && facts.inode(a) == facts.inode(w)) {
                    edit.upTo(a + 1).insertBeforePromise(TraceEdit.fsyncOf(op(a), op(a).site()));
                }
            }
            return Optional.of(new Candidate(VulnerabilityClass.TORN_APPEND, List.of(first), first.site(),
                    "fsync " + Ops.name(first.path()) + " after each append " + Ops.at("at", first)
                            + " before acknowledging it; a torn tail stays possible until then, so have the reader"
                            + " drop a record whose length or checksum does not match",
                    edit.build()));
        }
        return Optional.empty();
    }

    private int writesTo(int file) {
        int n = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (op(i).kind() == OpKind.WRITE && facts.inode(i) == file) {
                n++;
            }
        }
        return n;
    }

    /** The CREATE of the file a data operation acts on, or -1 (a file of the snapshot before). */
    private int creation(int data) {
        for (int c = data - 1; c >= 0; c--) {
            if (op(c).kind() == OpKind.CREATE && facts.inode(c) == facts.inode(data)) {
                return c;
            }
        }
        return -1;
    }

    /** Whether a rename or link gives the file another name after {@code from}: a temp file, not one written in place. */
    private boolean published(int file, int from) {
        for (int i = from + 1; i < trace.size(); i++) {
            if (Ops.publishes(op(i)) && facts.inode(i) == file) {
                return true;
            }
        }
        return false;
    }

    private Candidate dropDelete(int d, IoOp rebind) {
        return new Candidate(VulnerabilityClass.NON_ATOMIC_REPLACE, List.of(op(d), rebind), op(d).site(),
                "remove the delete of " + Ops.name(op(d).path()) + " " + Ops.at("at", op(d))
                        + ": the rename replaces it atomically (Files.move with ATOMIC_MOVE)",
                new TraceEdit(trace).upTo(d).drop().build());
    }

    private static String entryName(IoOp op) {
        return op.target() != null ? op.target() : op.path();
    }

    private static List<String> directoriesOf(IoOp publish) {
        List<String> dirs = new ArrayList<>();
        dirs.add(Ops.parent(entryName(publish)));
        if (publish.kind() == OpKind.MOVE && !dirs.contains(Ops.parent(publish.path()))) {
            dirs.add(Ops.parent(publish.path()));
        }
        return dirs;
    }

    // ---- what a crash or a pause between two operations shows

    private Optional<Candidate> window(int point) {
        return window(point, beside(point));
    }

    /**
     * What a state between operations shows, {@code changing} being the operations whose change was
     * under way there (beside a pause or a process crash; the lost ones of a crash state): an
     * in-place overwrite among them first, then a window on their files, so that a fix names the file
     * whose write was cut, not another one still open beside it (a log written before and after);
     * then any window open at that point.
     */
    private Optional<Candidate> window(int point, java.util.Collection<Integer> changing) {
        if (trace.size() == 0) {
            return Optional.empty();
        }
        Set<Integer> files = new TreeSet<>();
        changing.forEach(i -> files.add(facts.inode(i)));
        Optional<Candidate> found = overwrite(changing).or(() -> scan(point, files)).or(() -> scan(point, null));
        if (found.isPresent()) {
            return found;
        }
        IoOp last = op(Math.max(0, point - 1));
        List<IoOp> stake = point < trace.size() ? List.of(last, op(point)) : List.of(last);
        return Optional.of(new Candidate(VulnerabilityClass.VISIBLE_INTERMEDIATE_STATE, stake, last.site(),
                "make the change visible in one step: write the new contents to a temp file in the same directory,"
                        + " fsync it and rename it over the old one", null));
    }

    /** The windows open at {@code point}, most recent first: those on {@code files} only, or all with null. */
    private Optional<Candidate> scan(int point, Set<Integer> files) {
        Names now = Names.after(facts, point);
        for (int d = Math.min(point, trace.size()) - 1; d >= 0; d--) {
            IoOp opened = op(d);
            boolean onFile = files == null || files.contains(facts.inode(d));
            if (opened.kind() == OpKind.DELETE) {
                Optional<Candidate> replace = deleteThenRebind(d, point);
                if (replace.isPresent()) {
                    return replace;
                }
            } else if (onFile && opened.kind() == OpKind.CREATE && !deletedBefore(opened.path(), d)
                    && now.file(opened.path()) != null && now.file(opened.path()) == facts.inode(d)
                    && lastOn(facts.inode(d), d) >= point - 1 && lastOn(facts.inode(d), d) > d) {
                return Optional.of(publishInPlace(d, opened.path(), facts.inode(d)));
            } else if (onFile && opened.kind() == OpKind.TRUNCATE && now.file(opened.path()) != null
                    && now.file(opened.path()) == facts.inode(d) && lastOn(facts.inode(d), d) >= point - 1) {
                return Optional.of(replaceInPlace(d, opened.path(), facts.inode(d)));
            }
        }
        return Optional.empty();
    }

    /**
     * A write over the existing bytes of a file the trace found in place (neither created nor
     * truncated by it): a replace in place, cut in the middle. Its fix is a temp file, which no edit
     * of this trace expresses (the file's old contents are not in it): not verified.
     */
    private Optional<Candidate> overwrite(java.util.Collection<Integer> changing) {
        List<Integer> latestFirst = new ArrayList<>(changing);
        latestFirst.sort(java.util.Comparator.reverseOrder());
        for (int w : latestFirst) {
            IoOp write = op(w);
            byte[] before = trace.before().files().get(write.path());
            if (write.kind() == OpKind.WRITE && before != null && write.offset() < before.length
                    && creation(w) < 0 && !truncatedBefore(w)) {
                return Optional.of(new Candidate(VulnerabilityClass.NON_ATOMIC_REPLACE, List.of(write), write.site(),
                        rewriteAdvice(write.path(), write), null));
            }
        }
        return Optional.empty();
    }

    private boolean truncatedBefore(int data) {
        for (int t = data - 1; t >= 0; t--) {
            if (op(t).kind() == OpKind.TRUNCATE && facts.inode(t) == facts.inode(data)) {
                return true;
            }
        }
        return false;
    }

    /** An unlinked name bound again later: by a rename or link (drop the unlink), or by a new file (copy over). */
    private Optional<Candidate> deleteThenRebind(int d, int point) {
        String name = op(d).path();
        for (int j = d + 1; j < trace.size(); j++) {
            IoOp rebind = op(j);
            if (Ops.publishes(rebind) && name.equals(rebind.target()) && j >= point) {
                return Optional.of(dropDelete(d, rebind));
            }
            if (rebind.kind() == OpKind.CREATE && name.equals(rebind.path())) {
                int file = facts.inode(j);
                return lastOn(file, j) >= point - 1 || j >= point
                        ? Optional.of(recreate(d, j, name, file)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean deletedBefore(String name, int index) {
        for (int i = 0; i < index; i++) {
            if (op(i).kind() == OpKind.DELETE && op(i).path().equals(name)) {
                return true;
            }
        }
        return trace.before().files().containsKey(name);
    }

    /** A new file written where readers look for it: they can see it created and not yet complete. */
    private Candidate publishInPlace(int create, String name, int file) {
        int last = lastOn(file, create);
        String copied = copiedFromElsewhere(last, name)
                ? "keep the temp file in the directory of " + Ops.name(name) + ", so that the move is a rename(2)"
                        + " and not a copy; " : "";
        return new Candidate(VulnerabilityClass.VISIBLE_INTERMEDIATE_STATE, List.of(op(create), op(last)),
                op(create).site(), copied + "write the contents of " + Ops.name(name) + " to a temp file in the same"
                        + " directory, fsync it and rename it into place (Files.move with ATOMIC_MOVE) instead of writing"
                        + " it where readers look " + Ops.at("at", op(create)),
                throughTemp(new TraceEdit(trace), create, name, file));
    }

    /** A move performed as a copy: the source, in another directory or file system, is unlinked right after. */
    private boolean copiedFromElsewhere(int last, String name) {
        for (int i = last + 1; i < Math.min(trace.size(), last + 3); i++) {
            if (op(i).kind() == OpKind.DELETE && !Ops.parent(op(i).path()).equals(Ops.parent(name))) {
                return true;
            }
        }
        return false;
    }

    private Candidate recreate(int d, int create, String name, int file) {
        return new Candidate(VulnerabilityClass.NON_ATOMIC_REPLACE, List.of(op(d), op(create), op(lastOn(file, create))),
                op(d).site(), rewriteAdvice(name, op(d)), throughTemp(new TraceEdit(trace).upTo(d).drop(), create, name, file));
    }

    private Candidate replaceInPlace(int truncate, String name, int file) {
        return new Candidate(VulnerabilityClass.NON_ATOMIC_REPLACE, List.of(op(truncate), op(lastOn(file, truncate))),
                op(truncate).site(), rewriteAdvice(name, op(truncate)),
                throughTemp(new TraceEdit(trace), truncate, name, file));
    }

    /**
     * The fix of every in-place write: from {@code start} (the file's create or truncate) on, its
     * contents go to a temp file, which is fsynced and renamed over {@code name}, and the directory fsynced.
     */
    private TraceEdit.Edited throughTemp(TraceEdit edit, int start, String name, int file) {
        int last = lastOn(file, start);
        String temp = name + ".crashlab-fix.tmp";
        edit.upTo(start).replace(TraceEdit.named(OpKind.CREATE, temp, null, op(start).site()));
        retarget(edit, file, start + 1, last, temp);
        publishTemp(edit, temp, name, op(last).site());
        return edit.build();
    }

    private static String rewriteAdvice(String name, IoOp where) {
        return "instead of replacing " + Ops.name(name) + " in place " + Ops.at("at", where) + ", write the new contents"
                + " to a temp file in the same directory, fsync it, rename it over " + Ops.name(name)
                + " (Files.move with ATOMIC_MOVE) and fsync the directory";
    }

    /** The operations on {@code file} in [from, last] now act on the temp file, by name. */
    private void retarget(TraceEdit edit, int file, int from, int last, String temp) {
        for (int i = from; i <= last; i++) {
            edit.upTo(i);
            if (facts.inode(i) == file && (facts.isData(i) || op(i).kind().isSync() || op(i).kind() == OpKind.CLOSE)) {
                edit.replace(TraceEdit.onName(op(i), temp));
            } else {
                edit.keep();
            }
        }
    }

    private static void publishTemp(TraceEdit edit, String temp, String name, String site) {
        IoOp fsync = new IoOp(0, OpKind.FSYNC_FILE, temp, null, -1, -1, null, false, "crashlab-fix", site);
        edit.insert(fsync).insert(TraceEdit.named(OpKind.MOVE, temp, name, site))
                .insert(TraceEdit.fsyncDirectory(Ops.parent(name), site));
    }

    /** The last data, sync or close operation on {@code file} from {@code from} on. */
    private int lastOn(int file, int from) {
        int last = from;
        for (int i = from; i < trace.size(); i++) {
            if (facts.inode(i) == file && (facts.isData(i) || op(i).kind().isSync() || op(i).kind() == OpKind.CLOSE)) {
                last = i;
            }
        }
        return last;
    }

    private IoOp op(int index) {
        return trace.get(index);
    }

    /** The operations at stake as every report prints a trace line. */
    private static List<TraceOp> stake(List<IoOp> ops) {
        return ops.stream().map(ReportAssembler::traceOp).toList();
    }

    /** A vulnerability whose fix is still to be judged. */
    private record Candidate(VulnerabilityClass kind, List<IoOp> atStake, String site, String suggestion,
                             TraceEdit.Edited edited) {

        /**
         * Judges the edited trace's states in exploration order until one fails (the fix is not
         * sufficient: that state is the same whenever the search stops after it) or the allowance
         * runs out (neither verified nor refuted).
         */
        Vulnerability judged(IoTrace trace, PersistenceModel model, Exploration exploration, Judge judge,
                             ExplainBudget.Allowance time) {
            if (edited == null) {
                return new Vulnerability(kind, stake(atStake), site, new Fix(suggestion, Fix.Outcome.NOT_VERIFIED, ""));
            }
            CrashState[] stillFailing = {null};
            boolean whole = new CrashStates(edited.trace()).explore(model, exploration, state -> {
                if (!judge.holds(state, edited::at)) {
                    stillFailing[0] = state;
                }
            }, () -> stillFailing[0] != null || time.over());
            Fix fix = stillFailing[0] != null
                    ? new Fix(suggestion, Fix.Outcome.NOT_SUFFICIENT, stillFailing[0].provenance().summary())
                    : whole ? new Fix(suggestion, Fix.Outcome.VERIFIED, "")
                    : new Fix(suggestion, Fix.Outcome.OUT_OF_BUDGET, time.exhausted());
            return new Vulnerability(kind, stake(atStake), site, fix);
        }
    }
}
