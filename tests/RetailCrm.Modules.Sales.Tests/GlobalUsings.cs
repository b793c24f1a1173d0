global using RetailCrm.Testing;
global using Shouldly;
global using Xunit;
global using Microsoft.Extensions.DependencyInjection;
