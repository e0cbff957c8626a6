import SSIDomain
import SSIJSON

/// The result of any operation, typed. The daemon builds one per request; a client that knows
/// which operation it sent reads the matching case.
public enum Reply: Sendable, Equatable {
    case log(LogResult)
    case undo(UndoResult)
    case score(ScoreResult)
    case explanation(ExplanationResult)
    case status(StatusResult)
    case history(HistoryResult)
    case actions(ActionsResult)
    case today(TodayResult)
    case pause(PauseResult)
    case reload(ReloadResult)
    case snapshot(SnapshotResult)
    case week(WeekResult)
    case calibrate(CalibrationResult)

    public var json: JSONValue {
        switch self {
        case .log(let result): result.json
        case .undo(let result): result.json
        case .score(let result): result.json
        case .explanation(let result): result.json
        case .status(let result): result.json
        case .history(let result): result.json
        case .actions(let result): result.json
        case .today(let result): result.json
        case .pause(let result): result.json
        case .reload(let result): result.json
        case .snapshot(let result): result.json
        case .week(let result): result.json
        case .calibrate(let result): result.json
        }
    }

    /// Reads the result of `operation`: each operation has exactly one result type.
    public static func decode(_ json: JSONValue, answering operation: Request.Operation) throws(ProtocolError) -> Reply
    {
        switch operation {
        case .log: .log(try LogResult(json: json))
        case .undo: .undo(try UndoResult(json: json))
        case .score(let explain):
            explain ? .explanation(try ExplanationResult(json: json)) : .score(try ScoreResult(json: json))
        case .status: .status(try StatusResult(json: json))
        case .history: .history(try HistoryResult(json: json))
        case .actions: .actions(try ActionsResult(json: json))
        case .today: .today(try TodayResult(json: json))
        case .pause: .pause(try PauseResult(json: json))
        case .reload: .reload(try ReloadResult(json: json))
        case .snapshot: .snapshot(try SnapshotResult(json: json))
        case .week: .week(try WeekResult(json: json))
        case .calibrate: .calibrate(try CalibrationResult(json: json))
        }
    }
}
