/// When a registration arrives relative to its campaign's windows: in time, late (accepted and
/// marked), or refused once the evaluation has started.
public enum RegistrationTiming: Equatable, Sendable {
    case inTime
    case late
    case closed

    public static func of(_ day: CivilDate, registrationEnds: CivilDate, evaluationStarts: CivilDate) -> RegistrationTiming {
        if day >= evaluationStarts { return .closed }
        return day > registrationEnds ? .late : .inTime
    }
}
