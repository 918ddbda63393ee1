#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace coform {

/// How a store operation ended. The CLI maps these onto its exit codes (DESIGN.md): NotPermitted 5, Conflict 3,
/// NotFound 4, Invalid 2.
enum class StoreStatus {
    Ok,
    NotPermitted, ///< the signed-in person's role does not allow it (or the account is disabled or locked)
    Conflict,     ///< the data changed under the request (a stale edit, a version no longer a draft, a name taken)
    NotFound,
    Invalid, ///< the request itself is wrong (a bad name, a template with problems, a missing reason)
    Failed   ///< the database could not do it (message says why)
};

/// Which refusal a Conflict is, where a caller may offer a way past it (publishing asks for a reason for each).
enum class Refusal {
    Other,
    OpenComments,         ///< publishing while comment threads are open, without a reason
    OutOfDateTranslations ///< publishing with translations the source wording moved on from, without a reason
};

/// The outcome of a store operation that returns nothing: a status and, unless Ok, a message a person can read.
struct Outcome
{
    StoreStatus status = StoreStatus::Ok;
    QString message;
    Refusal refusal = Refusal::Other;

    bool ok() const { return status == StoreStatus::Ok; }
    static Outcome success() { return {}; }
    static Outcome notPermitted(const QString &m) { return {StoreStatus::NotPermitted, m}; }
    static Outcome conflict(const QString &m, Refusal why = Refusal::Other) { return {StoreStatus::Conflict, m, why}; }
    static Outcome notFound(const QString &m) { return {StoreStatus::NotFound, m}; }
    static Outcome invalid(const QString &m) { return {StoreStatus::Invalid, m}; }
    static Outcome failed(const QString &m) { return {StoreStatus::Failed, m}; }
};

/// A value, or the outcome that explains why there is none.
template<typename T> class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Outcome outcome)
        : m_outcome(std::move(outcome))
    {}

    bool ok() const { return m_outcome.ok() && m_value.has_value(); }
    StoreStatus status() const { return m_outcome.status; }
    const QString &message() const { return m_outcome.message; }
    const Outcome &outcome() const { return m_outcome; }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const T &operator*() const { return *m_value; }

private:
    Outcome m_outcome;
    std::optional<T> m_value;
};

} // namespace coform
