package study.tomcat;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.catalina.Session;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.session.FileStore;
import org.apache.catalina.session.PersistentManager;
import org.apache.catalina.session.StandardSession;

/**
 * A session attribute changed and the session swapped out to Tomcat's {@link FileStore} again
 * (PersistentManager's backup, or a restart's unload): {@code SESSIONID.session} is rewritten.
 * Tomcat's documentation presents the store as what lets sessions survive a restart, with no word
 * on a crash during a save; the target checks the old or the new session without claiming it.
 */
public class FileStoreTarget implements CrashTargetProvider {

    static final String ID = "0123456789ABCDEF";

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("tomcat-file-store")
                .setUp(root -> save(root, "cart", "1 book"))
                .writer(root -> save(root, "cart", "2 books"))
                .reader(FileStoreTarget::load, Optional.of("1 book"), Optional.of("2 books"))
                .claims()
                .notMine("org.apache.catalina.", "org.apache.tomcat.")
                .build();
    }

    private static FileStore store(Path root) {
        StandardContext context = new StandardContext();
        context.setName("study");
        PersistentManager manager = new PersistentManager();
        manager.setContext(context);
        FileStore store = new FileStore();
        store.setDirectory(root.toString());
        store.setManager(manager);
        manager.setStore(store);
        return store;
    }

    static void save(Path root, String name, String value) throws Exception {
        FileStore store = store(root);
        StandardSession session = new StandardSession(store.getManager());
        session.setValid(true);
        session.setId(ID, false);
        session.setAttribute(name, value, false);
        store.save(session);
    }

    static Optional<String> load(Path root) throws Exception {
        Session session = store(root).load(ID);
        return session == null ? Optional.empty()
                : Optional.ofNullable((String) ((StandardSession) session).getAttribute("cart"));
    }
}
