use super::*;

fn output() -> JobOutput {
    JobOutput {
        url: "blob:out".into(),
        name: "clip-10MB.mp4".into(),
        size: 9_000_000,
        warnings: vec![],
    }
}

fn run() -> RunInfo {
    RunInfo {
        step: Stage::Starting,
        started_ms: 5.0,
        ..RunInfo::default()
    }
}

/// One of every state.
fn states() -> Vec<JobStatus> {
    vec![
        JobStatus::Detecting,
        JobStatus::Ready,
        JobStatus::Queued,
        JobStatus::Running(run()),
        JobStatus::Done(output()),
        JobStatus::Failed {
            message: "no".into(),
            log_tail: vec![],
        },
        JobStatus::Cancelled,
    ]
}

/// One of every transition.
fn transitions() -> Vec<Transition> {
    vec![
        Transition::Recognised,
        Transition::Queue,
        Transition::Start(run()),
        Transition::Step(Stage::Analysing),
        Transition::Progress {
            fraction: 0.5,
            speed: Some(2.0),
        },
        Transition::Finish(output()),
        Transition::Fail {
            message: "The converter crashed.".into(),
            log_tail: vec!["line".into()],
        },
        Transition::Cancel,
    ]
}

/// The table, written out by hand: (state, transition) pairs that are legal.
const LEGAL: &[(&str, &str)] = &[
    ("detecting", "recognised"),
    ("ready", "queue"),
    ("done", "queue"),
    ("failed", "queue"),
    ("cancelled", "queue"),
    ("queued", "start"),
    ("running", "step"),
    ("running", "progress"),
    ("running", "finish"),
    ("queued", "fail"),
    ("running", "fail"),
    ("queued", "cancel"),
    ("running", "cancel"),
];

#[test]
fn every_legal_transition_is_made_and_every_illegal_one_refused() {
    let mut legal_seen = 0;
    for state in states() {
        for transition in transitions() {
            let pair = (state.name(), transition.name());
            let mut after = state.clone();
            let result = after.apply(transition.clone());
            if LEGAL.contains(&pair) {
                legal_seen += 1;
                assert_eq!(result, Ok(()), "{pair:?}");
            } else {
                assert_eq!(
                    result,
                    Err(Illegal {
                        from: pair.0,
                        transition: pair.1
                    }),
                    "{pair:?}"
                );
                // A refused move leaves the state exactly as it was.
                assert_eq!(after, state, "{pair:?}");
            }
            assert_eq!(state.check(&transition).is_ok(), LEGAL.contains(&pair));
        }
    }
    assert_eq!(legal_seen, LEGAL.len());
}

#[test]
fn each_transition_lands_where_it_says() {
    let landing = |from: JobStatus, t: Transition| {
        let mut s = from;
        s.apply(t).unwrap();
        s
    };
    assert_eq!(
        landing(JobStatus::Detecting, Transition::Recognised),
        JobStatus::Ready
    );
    assert_eq!(
        landing(JobStatus::Ready, Transition::Queue),
        JobStatus::Queued
    );
    assert_eq!(
        landing(JobStatus::Queued, Transition::Start(run())),
        JobStatus::Running(run())
    );
    assert_eq!(
        landing(JobStatus::Running(run()), Transition::Cancel),
        JobStatus::Cancelled
    );
    let failed = landing(
        JobStatus::Queued,
        Transition::Fail {
            message: "m".into(),
            log_tail: vec!["t".into()],
        },
    );
    assert_eq!(
        failed,
        JobStatus::Failed {
            message: "m".into(),
            log_tail: vec!["t".into()]
        }
    );
}

#[test]
fn done_carries_the_output_and_only_done_has_one() {
    let mut s = JobStatus::Running(run());
    s.apply(Transition::Finish(output())).unwrap();
    assert_eq!(s.output(), Some(&output()));
    assert!(s.is_finished() && !s.is_active());
    for state in states() {
        assert_eq!(state.output().is_some(), state.name() == "done");
    }
    // Retry drops it with the rest of the result.
    s.apply(Transition::Queue).unwrap();
    assert_eq!(s.output(), None);
}

#[test]
fn progress_updates_the_running_numbers_in_place() {
    let mut s = JobStatus::Running(run());
    s.apply(Transition::Step(Stage::Encoding {
        attempt: 1,
        pass: 2,
    }))
    .unwrap();
    s.apply(Transition::Progress {
        fraction: 1.7,
        speed: Some(3.5),
    })
    .unwrap();
    let r = s.run().unwrap();
    assert_eq!(
        r.step,
        Stage::Encoding {
            attempt: 1,
            pass: 2
        }
    );
    assert_eq!((r.fraction, r.speed, r.started_ms), (1.0, Some(3.5), 5.0));
}

#[test]
fn queued_or_running_is_active_and_nothing_else_is() {
    for state in states() {
        let active = matches!(state.name(), "queued" | "running");
        assert_eq!(state.is_active(), active, "{}", state.name());
        // Active, finished and not-yet-converting are three disjoint groups.
        assert!(!(state.is_active() && state.is_finished()));
        assert_eq!(state.is_startable(), state.name() == "ready");
    }
}

#[test]
fn a_late_engine_event_cannot_revive_a_cancelled_job() {
    let mut s = JobStatus::Running(run());
    s.apply(Transition::Cancel).unwrap();
    assert!(s.apply(Transition::Finish(output())).is_err());
    assert!(s
        .apply(Transition::Progress {
            fraction: 0.9,
            speed: None
        })
        .is_err());
    assert_eq!(s, JobStatus::Cancelled);
    assert_eq!(
        s.apply(Transition::Finish(output()))
            .unwrap_err()
            .to_string(),
        "illegal job transition finish from cancelled"
    );
}
