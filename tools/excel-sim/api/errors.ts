// The errors the simulated Excel answers with, under real Office.js error codes.

/** An error the simulated Excel reports, with a real Office.js error code. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new SimError("ItemNotFound", `The requested resource doesn't exist. (${what})`, 404);
export const invalidArg = (what: string) => new SimError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`, 400);
export const apiNotFound = (what: string) =>
  new SimError("ApiNotFound", `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what} is not modelled by the simulated Excel)`, 404);
