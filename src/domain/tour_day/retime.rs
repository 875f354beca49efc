//! Tour day: the rest of the schedule re-timed from what happened (arrivals
//! and departures the agent recorded, stops skipped) and the clock, keeping
//! appointments: a stop with an appointment never starts before it, and one
//! the tour now reaches after it is flagged with how late.
//!
//! Times are minutes after midnight, the day of the tour.

/// A stop as the day stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayStop {
    /// Minutes of showing.
    pub duration: u32,
    /// A confirmed appointment's start, if the stop has one.
    pub appointment: Option<u32>,
    /// When the agent tapped Arrived.
    pub arrived: Option<u32>,
    /// When the agent tapped Done.
    pub left: Option<u32>,
    /// Left out of the day.
    pub skipped: bool,
}

/// Where a stop is in the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Done,
    Here,
    Ahead,
    Skipped,
}

/// A stop's times for the rest of the day: actual ones where recorded,
/// expected ones after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retimed {
    pub progress: Progress,
    pub arrive: u32,
    pub start: u32,
    pub end: u32,
    /// Minutes after the appointment the showing can start (0: on time).
    pub late: u32,
    /// For a stop ahead, the latest time to leave the previous place and
    /// still start as planned here; for the others, when they were reached.
    pub leave: u32,
}

/// Re-times the day. `travel(from, to)` gives the minutes from stop `from`
/// (`None`: the tour's start place) to stop `to`, so a skipped stop's legs
/// are replaced by the direct one. `start` is the tour's planned start and
/// `now` the clock.
pub fn retime(
    stops: &[DayStop],
    travel: impl Fn(Option<usize>, usize) -> u32,
    start: u32,
    now: u32,
) -> Vec<Retimed> {
    let mut out = Vec::with_capacity(stops.len());
    // Where the agent is, or will be, free to drive on: the place and when.
    let mut from: Option<usize> = None;
    let mut free = start.max(now);
    for (i, s) in stops.iter().enumerate() {
        if s.skipped {
            out.push(Retimed {
                progress: Progress::Skipped,
                arrive: free,
                start: free,
                end: free,
                late: 0,
                leave: free,
            });
            continue;
        }
        let drive = travel(from, i);
        let expected = free + drive;
        let (progress, arrive, begin, end) = match (s.arrived, s.left) {
            (Some(arrived), Some(left)) => (Progress::Done, arrived, arrived, left.max(arrived)),
            (None, Some(left)) => (Progress::Done, left, left, left),
            (Some(arrived), None) => {
                let begin = s.appointment.map_or(arrived, |at| arrived.max(at));
                // Still here: the showing ends no earlier than now.
                (
                    Progress::Here,
                    arrived,
                    begin,
                    (begin + s.duration).max(now),
                )
            }
            (None, None) => {
                let begin = s.appointment.map_or(expected, |at| expected.max(at));
                (Progress::Ahead, expected, begin, begin + s.duration)
            }
        };
        let late = s.appointment.map_or(0, |at| begin.saturating_sub(at));
        out.push(Retimed {
            progress,
            arrive,
            start: begin,
            end,
            late,
            leave: if progress == Progress::Ahead {
                begin.saturating_sub(drive).max(free)
            } else {
                arrive
            },
        });
        from = Some(i);
        // Once driving on, no earlier than the clock.
        free = if progress == Progress::Done {
            end.max(now)
        } else {
            end
        };
    }
    out
}

/// The first stop ahead whose appointment the tour now misses, with how
/// many minutes late: the one to send "running late" for.
pub fn first_missed(day: &[Retimed]) -> Option<(usize, u32)> {
    day.iter()
        .enumerate()
        .find(|(_, r)| r.progress == Progress::Ahead && r.late > 0)
        .map(|(i, r)| (i, r.late))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NINE: u32 = 9 * 60;

    fn stop(duration: u32, appointment: Option<u32>) -> DayStop {
        DayStop {
            duration,
            appointment,
            ..DayStop::default()
        }
    }

    /// 10 minutes between any two places, 15 from the start.
    fn ten(from: Option<usize>, _to: usize) -> u32 {
        if from.is_none() {
            15
        } else {
            10
        }
    }

    #[test]
    fn before_the_day_starts_the_plan_stands_and_appointments_are_waited_for() {
        let stops = [stop(20, None), stop(20, Some(NINE + 60)), stop(20, None)];
        let day = retime(&stops, ten, NINE, NINE - 30);
        let starts: Vec<u32> = day.iter().map(|r| r.start).collect();
        // 9:15, then 9:45 arrival waits for the 10:00 appointment, then 10:30.
        assert_eq!(starts, [NINE + 15, NINE + 60, NINE + 90]);
        assert_eq!(day[1].arrive, NINE + 45);
        // Leave the first home at 9:50 to be there for 10:00, not at 9:35.
        assert_eq!(day[1].leave, NINE + 50);
        assert_eq!(day[0].leave, NINE);
        assert!(day
            .iter()
            .all(|r| r.late == 0 && r.progress == Progress::Ahead));
        assert_eq!(first_missed(&day), None);
    }

    #[test]
    fn a_late_arrival_re_times_the_rest_and_names_the_missed_appointment() {
        let mut stops = [stop(20, None), stop(20, Some(NINE + 40)), stop(20, None)];
        // Arrived at the first home 25 minutes late, still there at 9:50.
        stops[0].arrived = Some(NINE + 40);
        let day = retime(&stops, ten, NINE, NINE + 50);
        assert_eq!(day[0].progress, Progress::Here);
        assert_eq!(day[0].end, NINE + 60);
        // 10:00 + 10 min drive: 10:10 for the 9:40 appointment, 30 late.
        assert_eq!(day[1].arrive, NINE + 70);
        assert_eq!(day[1].late, 30);
        assert_eq!(first_missed(&day), Some((1, 30)));
        assert_eq!(day[2].start, NINE + 100);
    }

    #[test]
    fn the_clock_running_on_at_a_stop_pushes_the_rest() {
        let mut stops = [stop(20, None), stop(20, None)];
        stops[0].arrived = Some(NINE + 15);
        // Planned to leave at 9:35; it is 9:50 and the agent is still there.
        let day = retime(&stops, ten, NINE, NINE + 50);
        assert_eq!(day[0].end, NINE + 50);
        assert_eq!(day[1].arrive, NINE + 60);
    }

    #[test]
    fn done_stops_keep_their_actual_times_and_the_drive_on_starts_no_earlier_than_now() {
        let mut stops = [stop(20, None), stop(20, Some(NINE + 45))];
        stops[0].arrived = Some(NINE + 10);
        stops[0].left = Some(NINE + 25);
        // Left at 9:25 but the clock says 9:30: not yet at the next home.
        let day = retime(&stops, ten, NINE, NINE + 30);
        assert_eq!(
            (day[0].progress, day[0].start, day[0].end),
            (Progress::Done, NINE + 10, NINE + 25)
        );
        assert_eq!(day[1].arrive, NINE + 40);
        // Early for the 9:45 appointment: it is kept.
        assert_eq!((day[1].start, day[1].late), (NINE + 45, 0));
    }

    #[test]
    fn a_skipped_stop_is_driven_past_directly() {
        let stops = [
            stop(20, None),
            DayStop {
                skipped: true,
                ..stop(30, None)
            },
            stop(20, None),
        ];
        let direct = |from: Option<usize>, to: usize| match (from, to) {
            (None, _) => 15,
            (Some(0), 2) => 12,
            _ => 10,
        };
        let day = retime(&stops, direct, NINE, NINE - 60);
        assert_eq!(day[1].progress, Progress::Skipped);
        // 9:15-9:35, then straight to the third home: 9:47.
        assert_eq!(day[2].arrive, NINE + 47);
    }
}
