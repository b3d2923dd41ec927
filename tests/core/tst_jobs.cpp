// The job runner (latest wins, a real cancel, results on the caller's
// thread, inline for the CLI) and the package facts found through it once
// per package.
#include "Fixtures.h"
#include "SyntheticPackage.h"

#include "jobs/JobRunner.h"
#include "session/PackageFacts.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

// Spins until cancelled (or 10 s pass, so a broken cancel fails the test
// rather than hanging it), and says whether it saw the cancel.
bool spinUntilCancelled(const JobControl &control, std::atomic<bool> *started)
{
    *started = true;
    QElapsedTimer timer;
    timer.start();
    while (!control.isCancelled() && timer.elapsed() < 10000)
        QThread::usleep(200);
    return control.isCancelled();
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A newer job of a kind cancels the one before: its inner loop sees the
    // cancel, its result is never delivered, the newer one's is, on this thread.
    void theLatestJobOfAKindWins()
    {
        JobRunner jobs;
        QObject receiver;
        std::atomic<bool> started{false};
        auto sawCancel = std::make_shared<std::atomic<bool>>(false);
        QStringList delivered;
        const JobControl first = jobs.run<QString>(
            u"layout"_s, &receiver,
            [&started, sawCancel](const JobControl &control) {
                *sawCancel = spinUntilCancelled(control, &started);
                return u"first"_s;
            },
            [&delivered](QString result) { delivered << result; });
        QTRY_VERIFY(started.load());
        QCOMPARE(jobs.working(), 1);
        QThread *caller = QThread::currentThread();
        QThread *deliveredOn = nullptr;
        jobs.run<QString>(
            u"layout"_s, &receiver, [](const JobControl &) { return u"second"_s; },
            [&delivered, &deliveredOn](QString result) {
                delivered << result;
                deliveredOn = QThread::currentThread();
            });
        QVERIFY(first.isCancelled());
        QTRY_COMPARE(delivered, QStringList{u"second"_s});
        QCOMPARE(deliveredOn, caller);
        jobs.waitForIdle();
        QCoreApplication::processEvents();
        QVERIFY(sawCancel->load());
        QCOMPARE(delivered, QStringList{u"second"_s});
        QCOMPARE(jobs.working(), 0);
        QVERIFY(!jobs.isBusy(u"layout"_s));
    }

    // Kinds are independent; cancel() stops one and tells idle().
    void cancelStopsOneKindOnly()
    {
        JobRunner jobs;
        QObject receiver;
        std::atomic<bool> started{false};
        bool loadDelivered = false, factsDelivered = false;
        jobs.run<bool>(
            u"load"_s, &receiver, [&started](const JobControl &c) { return spinUntilCancelled(c, &started); },
            [&loadDelivered](bool) { loadDelivered = true; });
        jobs.run<int>(u"facts"_s, &receiver, [](const JobControl &) { return 7; },
                      [&factsDelivered](int seven) { factsDelivered = seven == 7; });
        QTRY_VERIFY(started.load());
        QSignalSpy idle(&jobs, &JobRunner::idle);
        jobs.cancel(u"load"_s);
        QCOMPARE(idle.size(), 1);
        QCOMPARE(idle.front().front().toString(), u"load"_s);
        QTRY_VERIFY(factsDelivered);
        jobs.waitForIdle();
        QCoreApplication::processEvents();
        QVERIFY(!loadDelivered);
    }

    // A result whose receiver is gone is dropped, as a queued connection's is.
    void aGoneReceiverGetsNothing()
    {
        JobRunner jobs;
        bool delivered = false;
        {
            QObject receiver;
            jobs.run<int>(u"k"_s, &receiver, [](const JobControl &) { QThread::msleep(50); return 1; },
                          [&delivered](int) { delivered = true; });
        }
        jobs.waitForIdle();
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
    }

    // The CLI's way: the job runs at once, on this thread.
    void inlineRunnersRunAtOnce()
    {
        JobRunner jobs(JobRunner::Mode::Inline);
        QObject receiver;
        QThread *ranOn = nullptr;
        int result = 0;
        jobs.run<int>(u"k"_s, &receiver,
                      [&ranOn](const JobControl &) {
                          ranOn = QThread::currentThread();
                          return 42;
                      },
                      [&result](int r) { result = r; });
        QCOMPARE(result, 42);
        QCOMPARE(ranOn, QThread::currentThread());
        QVERIFY(!jobs.isBusy(u"k"_s));
    }

    // Facts are found once per package: adding a layer finds the layer's
    // only (the function's stay the very same), and an undo finds nothing.
    void factsAreFoundOncePerPackage()
    {
        Session session;
        session.setFunction(fixtures::syntheticPackage(u"fn.zip"_s, {{u"node_modules/a/index.js"_s, 100, 50}}));
        JobRunner jobs;
        PackageFacts facts(&session, &jobs);
        QSignalSpy ready(&facts, &PackageFacts::dependenciesReady);
        QVERIFY(!facts.dependencies());
        QTRY_COMPARE(ready.size(), 1);
        const auto *found = facts.dependencies();
        QVERIFY(found);
        QCOMPARE(found->size(), std::size_t(1));
        QCOMPARE(found->front().front().name, u"a"_s);
        const Dependency *functionsFirst = &found->front().front();
        Q_UNUSED(functionsFirst);

        session.addLayer(fixtures::syntheticPackage(u"layer.zip"_s, {{u"nodejs/node_modules/b/index.js"_s, 10, 5}}));
        QVERIFY(!facts.dependencies());  // the layer's are being found
        QTRY_COMPARE(ready.size(), 2);
        found = facts.dependencies();
        QVERIFY(found);
        QCOMPARE(found->size(), std::size_t(2));
        QCOMPARE(found->at(1).front().name, u"b"_s);
        // Taking the layer away and back finds nothing again.
        session.undo();
        QVERIFY(facts.dependencies());
        session.redo();
        QVERIFY(facts.dependencies());
        QCOMPARE(ready.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
