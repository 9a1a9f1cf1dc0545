package study.lucene;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import study.Log;

/**
 * A document added to a Lucene index that holds one, followed by {@link IndexWriter#commit()} and
 * acknowledged, then a close. Merges are off and run on the writer's thread, so every write is
 * the workload's own; the reader opens the latest commit as a searcher would.
 */
public class CommitTarget implements CrashTargetProvider {

    static final List<String> DOCS = List.of("d0", "d1");

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("lucene-commit")
                .setUp(root -> {
                    try (Directory d = new NIOFSDirectory(root); IndexWriter w = writer(d)) {
                        w.addDocument(doc("d0"));
                        w.commit();
                    }
                })
                .writer(root -> {
                    try (Directory d = new NIOFSDirectory(root); IndexWriter w = writer(d)) {
                        for (String id : DOCS.subList(1, DOCS.size())) {
                            w.addDocument(doc(id));
                            w.commit();
                            CrashTarget.ack(id);
                        }
                    }
                })
                .oracle(CommitTarget::ids, Log.describe(DOCS, 1),
                        Log.oracle(DOCS, 1))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .notMine("org.apache.lucene.")
                .build();
    }

    private static IndexWriter writer(Directory d) throws Exception {
        IndexWriterConfig c = new IndexWriterConfig()
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setMergeScheduler(new SerialMergeScheduler())
                .setCommitOnClose(false);
        return new IndexWriter(d, c);
    }

    private static Document doc(String id) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        return doc;
    }

    static List<String> ids(Path root) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Directory d = new NIOFSDirectory(root); DirectoryReader r = DirectoryReader.open(d)) {
            for (int i = 0; i < r.maxDoc(); i++) {
                ids.add(r.storedFields().document(i).get("id"));
            }
        }
        return ids;
    }
}
